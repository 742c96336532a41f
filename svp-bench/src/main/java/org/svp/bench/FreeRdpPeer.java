package org.svp.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svp.source.x11.launch.Programs;
import org.svp.source.x11.launch.XServerProcess;

/**
 * The FreeRDP side of {@code svp bench x11 --peer freerdp}: FreeRDP's shadow server
 * ({@code freerdp-shadow-cli /bind-address:127.0.0.1 /port:N /sec:tls -auth}) shadowing the workload's X
 * display, and {@code xfreerdp /gfx:AVC420} (the H.264 graphics pipeline) on an Xvfb of its own, connected
 * through a {@link ByteCountingProxy}: the bytes server → client are counted there (TLS inside), the
 * shadow server's CPU from /proc (it captures the screen itself, so capture, diff and H.264 encoding are
 * all in it), xfreerdp's picture with {@code xwd -root} of its Xvfb (its window fills that screen).
 * xfreerdp logs the rdpgfx channel at DEBUG, which writes one {@code H264_METABLOCK} per H.264 frame: the
 * proof that AVC420 was used and the frame count. Benchmark thread; {@link #close()} stops everything.
 */
final class FreeRdpPeer implements AutoCloseable {
    /** How long the shadow server may take to listen and xfreerdp to show its window. */
    private static final long START_MS = 30_000;
    /** xfreerdp's log line per H.264 frame (rdpgfx client at DEBUG). */
    private static final String H264_FRAME = "H264_METABLOCK";

    private final Process shadow;
    private final Path shadowLog;
    private final ByteCountingProxy proxy;
    private final XServerProcess viewerDisplay;
    private final Process client;
    private final Path clientLog;

    private FreeRdpPeer(Process shadow, Path shadowLog, ByteCountingProxy proxy, XServerProcess viewerDisplay,
            Process client, Path clientLog) {
        this.shadow = shadow;
        this.shadowLog = shadowLog;
        this.proxy = proxy;
        this.viewerDisplay = viewerDisplay;
        this.client = client;
        this.clientLog = clientLog;
    }

    /**
     * @return null if freerdp-shadow-cli and xfreerdp are installed, else one line naming the Debian packages
     */
    static String missingTools() {
        if (!Programs.installed("freerdp-shadow-cli")) {
            return "freerdp-shadow-cli is not installed (Debian/Ubuntu package freerdp2-shadow-x11)";
        }
        if (!Programs.installed("xfreerdp")) {
            return "xfreerdp is not installed (Debian/Ubuntu package freerdp2-x11)";
        }
        return null;
    }

    /**
     * Starts the shadow server on {@code display}, the proxy, an Xvfb for the client and xfreerdp, and
     * waits until xfreerdp's session window is up.
     *
     * @param display the X display to shadow (the workload's)
     * @param width its width (the client's Xvfb gets the same size)
     * @param height its height
     * @return the running peer
     * @throws IOException if a tool is missing, or the shadow server or xfreerdp fails (with the end of its log)
     */
    static FreeRdpPeer start(String display, int width, int height) throws IOException, InterruptedException {
        String missing = missingTools();
        if (missing != null) {
            throw new IOException(missing);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path shadowLog = Files.createTempFile("svp-freerdp-shadow", ".log");
        ProcessBuilder sb = new ProcessBuilder("freerdp-shadow-cli", "/bind-address:127.0.0.1", "/port:" + port,
                "/sec:tls", "-auth").redirectErrorStream(true).redirectOutput(shadowLog.toFile());
        sb.environment().put("DISPLAY", display);
        Process shadow = sb.start();
        ByteCountingProxy proxy = null;
        XServerProcess viewer = null;
        Process client = null;
        Path clientLog = null;
        try {
            awaitListening(shadow, shadowLog, port);
            proxy = new ByteCountingProxy(port);
            viewer = XServerProcess.xvfb(width, height);
            clientLog = Files.createTempFile("svp-xfreerdp", ".log");
            // stdbuf: xfreerdp's log goes through stdio, which buffers 4 KiB when writing to a file; the frame
            // count is read while it runs
            ProcessBuilder cb = new ProcessBuilder("stdbuf", "-oL", "-eL", "xfreerdp", "/v:127.0.0.1:" + proxy.port(), "/gfx:AVC420",
                    "/cert:ignore", "/log-level:WARN", "/log-filters:com.freerdp.channels.rdpgfx.client:DEBUG")
                    .redirectErrorStream(true).redirectOutput(clientLog.toFile());
            cb.environment().put("DISPLAY", viewer.displayName());
            client = cb.start();
            FreeRdpPeer peer = new FreeRdpPeer(shadow, shadowLog, proxy, viewer, client, clientLog);
            peer.awaitSession();
            return peer;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (client != null) {
                Programs.stop(client);
            }
            if (viewer != null) {
                viewer.close();
            }
            if (proxy != null) {
                proxy.close();
            }
            Programs.stop(shadow);
            Files.deleteIfExists(shadowLog);
            if (clientLog != null) {
                Files.deleteIfExists(clientLog);
            }
            throw e;
        }
    }

    /**
     * Waits until the shadow server listens, seen in /proc/net/tcp: not by connecting to it, since a
     * probe connection that it takes as a client and that then goes away has left it stalling the next
     * (real) client after ~9 KB of hand-shake.
     */
    private static void awaitListening(Process shadow, Path log, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_MS * 1_000_000L;
        while (!listening(procNetTcp(), port)) {
            if (!shadow.isAlive()) {
                throw new IOException("freerdp-shadow-cli exited (" + shadow.exitValue() + "): " + tail(log));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("freerdp-shadow-cli did not listen on port " + port + " within "
                        + START_MS / 1000 + " s: " + tail(log));
            }
            Thread.sleep(100);
        }
    }

    /** @return /proc/net/tcp and /proc/net/tcp6 (a dual-stack socket on 127.0.0.1 is in the latter) */
    static String procNetTcp() throws IOException {
        Path v6 = Path.of("/proc/net/tcp6");
        return Files.readString(Path.of("/proc/net/tcp")) + (Files.exists(v6) ? Files.readString(v6) : "");
    }

    /**
     * @param procNetTcp the text of /proc/net/tcp (and tcp6)
     * @param port a TCP port
     * @return whether a socket listens on 127.0.0.1:port (local address {@code 0100007F:PORT}, in tcp6
     *     v4-mapped {@code …FFFF00000100007F:PORT}; state 0A)
     */
    static boolean listening(String procNetTcp, int port) {
        String local = String.format(java.util.Locale.ROOT, "0100007F:%04X", port);
        return procNetTcp.lines().map(String::trim).map(l -> l.split("\\s+"))
                .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals("0A"));
    }

    /** Waits until xfreerdp has had its first H.264 frame (the session is up and uses AVC420). */
    private void awaitSession() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_MS * 1_000_000L;
        while (h264Frames() == 0) {
            if (!client.isAlive()) {
                throw new IOException("xfreerdp exited (" + client.exitValue() + "): " + tail(clientLog));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("xfreerdp showed no H.264 (AVC420) frame within " + START_MS / 1000 + " s ("
                        + proxy.downBytes() + " bytes from the shadow server): " + tail(clientLog));
            }
            Thread.sleep(200);
        }
    }

    /** @return the shadow server's process id (its CPU is FreeRDP's server CPU) */
    long shadowPid() {
        return shadow.pid();
    }

    /** @return bytes the shadow server has sent to xfreerdp so far */
    long downBytes() {
        return proxy.downBytes();
    }

    /** @return H.264 frames xfreerdp has received so far (its log's H264_METABLOCK lines) */
    long h264Frames() throws IOException {
        try (var lines = Files.lines(clientLog, StandardCharsets.ISO_8859_1)) {
            return lines.filter(l -> l.contains(H264_FRAME)).count();
        }
    }

    /** @return xfreerdp's picture: its Xvfb's screen, which its session window fills */
    XwdImage picture() throws IOException, InterruptedException {
        return XwdImage.captureRoot(viewerDisplay.displayName());
    }

    /** @return whether shadow server and client still run (a session that broke shows up here) */
    boolean alive() {
        return shadow.isAlive() && client.isAlive();
    }

    /** @return the last lines of both logs, for an error message */
    String logTails() {
        return "shadow: " + tail(shadowLog) + " | xfreerdp: " + tail(clientLog);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                    .filter(l -> !l.contains(H264_FRAME) && !l.contains("regionRects") && !l.contains("quantQualityVals"))
                    .toList();
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops xfreerdp, its Xvfb, the proxy and the shadow server, and removes the logs. Idempotent. */
    @Override
    public void close() {
        Programs.stop(client);
        viewerDisplay.close();
        proxy.close();
        Programs.stop(shadow);
        try {
            Files.deleteIfExists(shadowLog);
            Files.deleteIfExists(clientLog);
        } catch (IOException ignored) {
            // files in the temporary folder
        }
    }
}
