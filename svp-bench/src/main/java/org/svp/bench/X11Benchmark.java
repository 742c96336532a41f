package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.server.LatencyHistogram;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.x11.X11DisplaySource;
import org.svp.source.x11.X11Options;
import org.svp.source.x11.launch.XServerProcess;

/**
 * {@code svp bench x11}: the shared 1280×800 desktop workload ({@code ../shared/bench/workload.sh}) on
 * an X server started here — Xvfb, or with the TigerVNC peer Xvnc, which is then both the X server
 * and the VNC server measured side by side (../shared/bench/README.md). SVP's X11 source, server and
 * one counting headless client run in this JVM. Prints SVP's server CPU (threads svp-io, svp-encoder,
 * svp-x11), bytes, updates and capture-to-wire latency, its idle CPU, and the peer's row.
 * Runs on the caller's thread.
 */
public final class X11Benchmark {
    /** Screen size of the shared workload. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** Seconds of a still screen for the idle measurement. */
    private static final int IDLE_SECONDS = 5;
    private static final String[] SERVER_THREADS = {"svp-io", "svp-encoder", "svp-x11"};

    private final int seconds;
    private final boolean tigervnc;
    private final Path workload;
    private final PrintWriter out;

    /**
     * @param seconds workload duration
     * @param tigervnc run TigerVNC side by side (Xvnc as the X server)
     * @param workload path of workload.sh (rfbcount.py is looked up beside it)
     * @param out where progress and the result go
     */
    public X11Benchmark(int seconds, boolean tigervnc, Path workload, PrintWriter out) {
        this.seconds = seconds;
        this.tigervnc = tigervnc;
        this.workload = workload;
        this.out = out;
    }

    /**
     * Runs it and prints the table.
     *
     * @throws IllegalArgumentException if the workload script is missing
     * @throws Exception if a server or client fails
     */
    public void run() throws Exception {
        if (!Files.isRegularFile(workload)) {
            throw new IllegalArgumentException("workload not found: " + workload
                    + " (pass --workload PATH to ../shared/bench/workload.sh)");
        }
        int rfbPort = freePort();
        try (XServerProcess x = tigervnc ? XServerProcess.xvnc(WIDTH, HEIGHT, rfbPort)
                : XServerProcess.xvfb(WIDTH, HEIGHT)) {
            X11DisplaySource source = new X11DisplaySource(X11Options.of(x.displayName()));
            try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                    double idle = idlePercent();
                    measure(x, server, client, rfbPort, idle);
                }
            }
        }
    }

    private static double idlePercent() throws InterruptedException {
        long c0 = ThreadCpu.nanos(SERVER_THREADS);
        long t0 = System.nanoTime();
        Thread.sleep(IDLE_SECONDS * 1000L);
        return 100.0 * (ThreadCpu.nanos(SERVER_THREADS) - c0) / (System.nanoTime() - t0);
    }

    private void measure(XServerProcess x, SvpServer server, SvpClient client, int rfbPort, double idle)
            throws Exception {
        TigerVncPeer peer = tigervnc ? new TigerVncPeer(workload.resolveSibling("rfbcount.py")) : null;
        if (peer != null) {
            peer.start(rfbPort, seconds + 3);
            Thread.sleep(1000);
        }
        out.printf("running %s on %s (%s) for %d s...%n", workload, x.displayName(), tigervnc ? "Xvnc" : "Xvfb",
                seconds);
        out.flush();
        long bytes0 = server.stats().bytesSent.sum();
        long updates0 = server.stats().updatesDispatched.sum();
        long cpu0 = ThreadCpu.nanos(SERVER_THREADS);
        long[] hist0 = server.stats().captureToWire.snapshot();
        double xcpu0 = TigerVncPeer.cpuSeconds(x.pid());
        runWorkload(x.displayName());
        client.screen().awaitStill(Duration.ofMillis(300), Duration.ofSeconds(30));
        double xcpu = TigerVncPeer.cpuSeconds(x.pid()) - xcpu0;
        long[] hist = LatencyHistogram.minus(server.stats().captureToWire.snapshot(), hist0);
        out.printf("%-22s %10s %9s %13s %8s %8s%n", "", "MB sent", "updates", "server CPU s", "p50 ms", "p99 ms");
        out.printf("%-22s %10.1f %9d %13.2f %8.2f %8.2f%n", "SVP (x11 source, LZ4)",
                (server.stats().bytesSent.sum() - bytes0) / 1e6, server.stats().updatesDispatched.sum() - updates0,
                (ThreadCpu.nanos(SERVER_THREADS) - cpu0) / 1e9, LatencyHistogram.quantileMillis(hist, 0.5),
                LatencyHistogram.quantileMillis(hist, 0.99));
        if (peer != null) {
            long[] r = peer.finish();
            out.printf("%-22s %10.1f %9d %13.2f %8s %8s%n", "TigerVNC (Tight q8)", r[0] / 1e6, r[1], xcpu, "-", "-");
            out.println("  TigerVNC CPU is Xvnc's whole process: its encoding plus the X drawing of the workload and of"
                    + " SVP's captures (no baseline run subtracted; ../shared/bench/README.md: X drawing alone ≈ 1 s/60 s).");
        } else {
            out.printf("  X server (Xvfb) CPU over the run: %.2f s (X drawing plus SVP's captures)%n", xcpu);
        }
        out.printf("SVP idle CPU: %.2f %% of a core (%d s, nothing changing on screen)%n", idle, IDLE_SECONDS);
        out.println("server CPU = threads svp-io + svp-encoder-* + svp-x11; latency = capture to hand-off to the sockets");
        out.flush();
    }

    private void runWorkload(String display) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(workload.toString(), display, Integer.toString(seconds))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("the workload did not finish within " + (seconds + 60) + " s");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
