package org.svp.source.vnc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * TigerVNC's Xvnc for a test: an X server with a VNC server inside on 127.0.0.1:{@link #port},
 * security None or VncAuth (a password file made by {@code vncpasswd -f}), programs started on it.
 * Test thread only; {@link #close} kills the server and everything started on it.
 */
final class XvncServer implements AutoCloseable {
    private final Process process;
    private final int display;
    private final int port;
    private final List<Process> programs = new ArrayList<>();

    private XvncServer(Process process, int display, int port) {
        this.process = process;
        this.display = display;
        this.port = port;
    }

    /** Fails the test with the Debian package to install when a program is missing. */
    static void require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return;
            }
        }
        throw new AssertionError(program + " is not installed (apt-get install " + debianPackage + ")");
    }

    /** @return a TCP port free on 127.0.0.1 right now */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * @param width screen width
     * @param height screen height
     * @param port the VNC port
     * @param passwordFile a {@code vncpasswd -f} file for VncAuth, or null for security None
     */
    static XvncServer start(int width, int height, int port, Path passwordFile) throws IOException, InterruptedException {
        return start(width, height, port, passwordFile, null);
    }

    /** As {@link #start(int, int, int, Path)}, also listening on the unix socket {@code unixPath} if not null. */
    static XvncServer start(int width, int height, int port, Path passwordFile, Path unixPath)
            throws IOException, InterruptedException {
        require("Xvnc", "tigervnc-standalone-server");
        List<String> cmd = new ArrayList<>(List.of("Xvnc", "-displayfd", "1", "-geometry", width + "x" + height,
                "-depth", "24", "-rfbport", Integer.toString(port), "-localhost", "-nolisten", "tcp", "-AlwaysShared"));
        if (unixPath != null) {
            cmd.addAll(List.of("-rfbunixpath", unixPath.toString()));
        }
        if (passwordFile == null) {
            cmd.addAll(List.of("-SecurityTypes", "None"));
        } else {
            cmd.addAll(List.of("-SecurityTypes", "VncAuth", "-PasswordFile", passwordFile.toString()));
        }
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String n = line.get(15, TimeUnit.SECONDS);
            if (n == null) {
                throw new IOException("Xvnc exited before it accepted clients");
            }
            return new XvncServer(p, Integer.parseInt(n.trim()), port);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new IOException("Xvnc did not come up within 15 s", e);
        }
    }

    /** Makes a VncAuth password file with {@code vncpasswd -f}. */
    static Path passwordFile(String password, Path dir) throws IOException, InterruptedException {
        require("vncpasswd", "tigervnc-tools");
        Path f = dir.resolve("xvnc-passwd");
        Process p = new ProcessBuilder("vncpasswd", "-f").redirectOutput(f.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("vncpasswd -f failed");
        }
        return f;
    }

    int port() {
        return port;
    }

    String displayName() {
        return ":" + display;
    }

    /** Starts a program on this display (output discarded). */
    void spawn(String... command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DISPLAY", displayName());
        b.environment().put("PS1", "$ ");
        b.environment().put("ENV", "");
        programs.add(b.start());
    }

    /** Runs a tool on this display and waits for it (at most 20 s); returns its output. */
    String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("DISPLAY", displayName());
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Starts the test xterm (fixed size, core font, a plain prompt) and waits until it is mapped. */
    void xterm() throws IOException, InterruptedException {
        require("xterm", "xterm");
        require("xdotool", "xdotool");
        spawn("xterm", "-geometry", "80x24+20+20", "-fn", "fixed", "+sb", "+j", "-bg", "white", "-fg", "black",
                "-e", "/bin/sh");
        run("xdotool", "search", "--sync", "--onlyvisible", "--class", "xterm");
    }

    /** @return the X server's own picture: 0x00RRGGBB, width × height */
    int[] xwd(int width, int height) throws IOException, InterruptedException {
        require("xwd", "x11-apps");
        ProcessBuilder b = new ProcessBuilder("xwd", "-root", "-silent", "-display", displayName());
        Process p = b.start();
        byte[] file = p.getInputStream().readAllBytes();
        p.waitFor(20, TimeUnit.SECONDS);
        return Xwd.pixels(file, width, height);
    }

    /** Kills the server (SIGKILL: like a VM that dies) and what ran on it. */
    @Override
    public void close() {
        programs.forEach(Process::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(Path.of("/tmp/.X" + display + "-lock"));
            Files.deleteIfExists(Path.of("/tmp/.X11-unix/X" + display));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the next server picks another display
        }
    }
}
