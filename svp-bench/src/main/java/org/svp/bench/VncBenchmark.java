package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.vnc.VncDisplaySource;
import org.svp.source.vnc.VncTarget;
import org.svp.source.x11.launch.Programs;
import org.svp.source.x11.launch.XServerProcess;

/**
 * {@code svp bench vnc}: TigerVNC's Xvnc (1280×800, an xterm) served through the VNC source to one
 * headless SVP client, all in this process over loopback, while a script changes the screen: the xterm
 * prints {@value #LINES} lines at terminal speed (scrolling: CopyRect and pixels) and the root window
 * changes colour {@value #COLOURS} times (full-screen updates). Prints bytes received from the
 * upstream, bytes sent to the SVP client, and the latency SVP adds from an upstream update's first
 * byte to the client having rendered it (p50/p99).
 *
 * <p>Latency probes: for each DIRTY_RECT the source hands on, the pixel at its centre and the time
 * the update began to arrive (skipped when the client shows that colour there already); the client's
 * damage listener (display thread) copies each repainted area into a mirror, as a viewer would, and
 * completes the probes whose pixel now has their value. Probes overwritten by a
 * later update before they were seen are counted as unmatched, not guessed.
 */
public final class VncBenchmark {
    static final int LINES = 300;
    static final int COLOURS = 5;
    /** Seconds the xterm waits before printing, so its window is on screen before the measured part. */
    static final int WARMUP_S = 3;
    private static final int W = 1280;
    private static final int H = 800;
    private static final int MAX_PENDING = 20_000;
    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PrintWriter out;
    /** The client's picture as its damage listener last copied it; guarded by the probe list's lock. */
    private final int[] mirror = new int[W * H];

    /** @param out where the progress and the report go */
    public VncBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** A pixel an upstream update set, waiting to be seen by the client. */
    private record Probe(int x, int y, int rgb, long receivedNanos) {
    }

    /** What the run measured. */
    public record Result(long upstreamBytes, long clientBytes, long updates, long copyRects, long pixelRects,
                         double seconds, List<Long> latencies, long unmatched) {
        /** @return the quantile in milliseconds, or NaN without samples */
        public double quantileMs(double q) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Long> s = new ArrayList<>(latencies);
            Collections.sort(s);
            return s.get((int) Math.min(s.size() - 1, Math.floor(q * s.size()))) / 1e6;
        }

        /** @return the report lines */
        public String report() {
            return String.format(Locale.ROOT, """
                    vnc bench: Xvnc %dx%d + xterm, scripted %.1f s (%d lines scrolled, %d root colour changes)
                    upstream bytes received: %,d (%d updates: %d pixel rects, %d CopyRects)
                    SVP bytes sent to the client: %,d (%.2f x upstream)
                    latency SVP adds (upstream update received -> SVP client rendered): p50 %.2f ms, p99 %.2f ms \
                    (%d probes, %d overwritten before seen)""",
                    W, H, seconds, LINES, COLOURS, upstreamBytes, updates, pixelRects, copyRects, clientBytes,
                    upstreamBytes == 0 ? 0.0 : (double) clientBytes / upstreamBytes, quantileMs(0.5), quantileMs(0.99),
                    latencies.size(), unmatched);
        }
    }

    /**
     * Runs the whole benchmark (about 20 s).
     *
     * @return the numbers
     * @throws Exception if Xvnc, xterm or xsetroot is missing or a part does not come up
     */
    public Result run() throws Exception {
        for (String[] tool : new String[][] {{"Xvnc", "tigervnc-standalone-server"}, {"xterm", "xterm"},
            {"xsetroot", "x11-xserver-utils"}, {"xdotool", "xdotool"}}) {
            if (!Programs.installed(tool[0])) {
                throw new IllegalStateException(tool[0] + " is not installed (apt-get install " + tool[1] + ")");
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ArrayDeque<Probe> pending = new ArrayDeque<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long[] unmatched = {0};
        try (XServerProcess x = XServerProcess.xvnc(W, H, port)) {
            x.run("xsetroot", "-solid", "#204060").waitFor(10, TimeUnit.SECONDS);
            VncDisplaySource source = new VncDisplaySource(new VncTarget("127.0.0.1", port), null);
            java.util.concurrent.atomic.AtomicReference<SvpClient> viewer = new java.util.concurrent.atomic.AtomicReference<>();
            source.observe((receivedNanos, messages) -> probe(messages, receivedNanos, viewer.get(), pending, unmatched));
            try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitFirstScreen(Duration.ofSeconds(20));
                    viewer.set(client);
                    client.mouse(W - 10, H - 10, 0);
                    client.flushInput();
                    client.screen().listen(new org.svp.client.RemoteScreen.Listener() {
                        @Override
                        public void resized(int width, int height) {
                        }

                        @Override
                        public void damaged(Rect area, long receivedNanos) {
                            seen(area, client, pending, latencies, unmatched);
                        }

                        @Override
                        public void closed(String reason) {
                        }
                    });
                    Process term = xterm(x);
                    // the window maps and draws before the measured part; its lines start after WARMUP_S
                    x.run("xdotool", "search", "--sync", "--onlyvisible", "--class", "xterm").waitFor(20, TimeUnit.SECONDS);
                    client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                    synchronized (pending) {
                        pending.clear();
                        unmatched[0] = 0;
                    }
                    latencies.clear();
                    long up0 = source.stats().bytesReceived.sum();
                    long down0 = server.stats().bytesSent.sum();
                    long updates0 = source.stats().updates.sum();
                    long copies0 = source.stats().copyRects.sum();
                    long pixels0 = source.stats().pixelRects.sum();
                    long t0 = System.nanoTime();
                    out.println("vnc bench: scripted session running (about 15 s)...");
                    out.flush();
                    script(x, term);
                    client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    synchronized (pending) {
                        unmatched[0] += pending.size();
                    }
                    return new Result(source.stats().bytesReceived.sum() - up0, server.stats().bytesSent.sum() - down0,
                            source.stats().updates.sum() - updates0, source.stats().copyRects.sum() - copies0,
                            source.stats().pixelRects.sum() - pixels0, seconds, List.copyOf(latencies), unmatched[0]);
                }
            }
        }
    }

    /** The xterm: mapped before the measured part, printing its lines after {@value #WARMUP_S} s. */
    private static Process xterm(XServerProcess x) throws IOException {
        return x.run("xterm", "-geometry", "100x40+10+10", "-fn", "fixed", "-e", "sh", "-c", "sleep " + WARMUP_S
                + "; for i in $(seq 1 " + LINES + "); do echo \"line $i of the svp vnc bench: the quick brown fox\"; sleep 0.03; done;"
                + " sleep 2");
    }

    /** The scripted changes: the xterm's lines, root colour changes in between. Bounded (~15 s). */
    private static void script(XServerProcess x, Process term) throws IOException, InterruptedException {
        String[] colours = {"#603020", "#206030", "#302060", "#606020", "#204060"};
        for (int i = 0; i < COLOURS; i++) {
            Thread.sleep(2000);
            x.run("xsetroot", "-solid", colours[i]).waitFor(10, TimeUnit.SECONDS);
        }
        if (!term.waitFor(30, TimeUnit.SECONDS)) {
            term.destroyForcibly();
        }
    }

    /**
     * Source side ("svp-vnc"): one probe per DIRTY_RECT, its centre pixel, unless the client shows that
     * colour there already (then its arrival could not be told apart).
     */
    private void probe(List<DisplayMessage> messages, long receivedNanos, SvpClient client, ArrayDeque<Probe> pending,
                       long[] unmatched) {
        if (client == null) {
            return;
        }
        for (DisplayMessage m : messages) {
            if (m instanceof DirtyRect d) {
                var b = d.bitmap();
                int cx = b.width() / 2;
                int cy = b.height() / 2;
                int i = (cy * b.width() + cx) * 4;
                int rgb = (b.data()[i] & 0xFF) | (b.data()[i + 1] & 0xFF) << 8 | (b.data()[i + 2] & 0xFF) << 16;
                int px = b.x() + cx;
                int py = b.y() + cy;
                if (px >= W || py >= H) {
                    continue;
                }
                synchronized (pending) {
                    if ((mirror[py * W + px] & 0xFFFFFF) == rgb) {
                        continue;
                    }
                    if (pending.size() >= MAX_PENDING) {
                        pending.pollFirst();
                        unmatched[0]++;
                    }
                    pending.addLast(new Probe(px, py, rgb, receivedNanos));
                }
            }
        }
    }

    /** Client side (display thread, holding the screen's monitor): completes the probes this repaint shows. */
    private void seen(Rect area, SvpClient client, ArrayDeque<Probe> pending, List<Long> latencies, long[] unmatched) {
        long now = System.nanoTime();
        synchronized (pending) {
            client.screen().copyInto(area, mirror, W);
            var it = pending.iterator();
            while (it.hasNext()) {
                Probe p = it.next();
                if (now - p.receivedNanos() > STALE_NANOS) {
                    it.remove(); // overwritten by a later update before the client showed it
                    unmatched[0]++;
                } else if (p.x() >= area.x() && p.x() < area.right() && p.y() >= area.y() && p.y() < area.bottom()) {
                    if ((mirror[p.y() * W + p.x()] & 0xFFFFFF) == p.rgb()) {
                        latencies.add(now - p.receivedNanos());
                        it.remove();
                    }
                }
            }
        }
    }
}
