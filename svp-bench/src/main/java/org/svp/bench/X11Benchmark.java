package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
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
 * svp-x11), bytes, updates and capture-to-wire latency, its idle CPU after the workload, and the peer's
 * row. With the peer, each run is followed by a baseline run of the workload on a fresh Xvnc with no
 * VNC client and no SVP source: TigerVNC's encoding CPU is Xvnc's CPU with its client minus that.
 * {@code runs} repeats everything and prints min–max per column. Runs on the caller's thread.
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
    private final int runs;
    private final Path workload;
    private final PrintWriter out;

    /** What one side-by-side run measured; peer fields are NaN without the peer. */
    private record Run(double svpMb, double svpUpdates, double svpCpu, double p50, double p99, double idle,
            double blts, double moves, double xCpu, double peerMb, double peerUpdates, double baselineCpu) {
    }

    /**
     * @param seconds workload duration
     * @param tigervnc run TigerVNC side by side (Xvnc as the X server) plus a baseline run without clients
     * @param runs how many times to repeat the measurement
     * @param workload path of workload.sh (rfbcount.py is looked up beside it)
     * @param out where progress and the result go
     */
    public X11Benchmark(int seconds, boolean tigervnc, int runs, Path workload, PrintWriter out) {
        this.seconds = seconds;
        this.tigervnc = tigervnc;
        this.runs = runs;
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
        List<Run> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Run r = sideBySide(i);
            if (tigervnc) {
                r = withBaseline(r, baseline(i));
            }
            results.add(r);
        }
        print(results);
    }

    private Run sideBySide(int run) throws Exception {
        int rfbPort = freePort();
        try (XServerProcess x = tigervnc ? XServerProcess.xvnc(WIDTH, HEIGHT, rfbPort)
                : XServerProcess.xvfb(WIDTH, HEIGHT)) {
            X11DisplaySource source = new X11DisplaySource(X11Options.of(x.displayName()));
            try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                    return measure(run, x, server, source, client, rfbPort);
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

    private Run measure(int run, XServerProcess x, SvpServer server, X11DisplaySource source, SvpClient client,
            int rfbPort) throws Exception {
        TigerVncPeer peer = tigervnc ? new TigerVncPeer(workload.resolveSibling("rfbcount.py")) : null;
        if (peer != null) {
            peer.start(rfbPort, seconds + 3);
            Thread.sleep(1000);
        }
        out.printf("run %d/%d: %s on %s (%s%s) for %d s...%n", run, runs, workload, x.displayName(),
                tigervnc ? "Xvnc" : "Xvfb", tigervnc ? " with rfbcount and SVP" : " with SVP", seconds);
        out.flush();
        long bytes0 = server.stats().bytesSent.sum();
        long updates0 = server.stats().updatesDispatched.sum();
        long blts0 = source.stats().screenBlts.sum();
        long moves0 = source.stats().windowMoves.sum();
        long cpu0 = ThreadCpu.nanos(SERVER_THREADS);
        long[] hist0 = server.stats().captureToWire.snapshot();
        double xcpu0 = TigerVncPeer.cpuSeconds(x.pid());
        runWorkload(x.displayName());
        client.screen().awaitStill(Duration.ofMillis(300), Duration.ofSeconds(30));
        double xcpu = TigerVncPeer.cpuSeconds(x.pid()) - xcpu0;
        long[] hist = LatencyHistogram.minus(server.stats().captureToWire.snapshot(), hist0);
        double svpCpu = (ThreadCpu.nanos(SERVER_THREADS) - cpu0) / 1e9;
        double mb = (server.stats().bytesSent.sum() - bytes0) / 1e6;
        double updates = server.stats().updatesDispatched.sum() - updates0;
        double blts = source.stats().screenBlts.sum() - blts0;
        double moves = source.stats().windowMoves.sum() - moves0;
        long[] peerResult = peer != null ? peer.finish() : new long[] {-1, -1};
        // the workload has closed its windows (xclock too): nothing changes on screen any more
        Thread.sleep(1000);
        double idle = idlePercent();
        return new Run(mb, updates, svpCpu, LatencyHistogram.quantileMillis(hist, 0.5),
                LatencyHistogram.quantileMillis(hist, 0.99), idle, blts, moves, xcpu,
                peer != null ? peerResult[0] / 1e6 : Double.NaN, peer != null ? peerResult[1] : Double.NaN, Double.NaN);
    }

    /** @return Xvnc's CPU seconds for the workload on a fresh Xvnc with no VNC client and no SVP source */
    private double baseline(int run) throws Exception {
        try (XServerProcess x = XServerProcess.xvnc(WIDTH, HEIGHT, freePort())) {
            out.printf("run %d/%d: baseline, %s on a fresh %s (Xvnc, no VNC client, no SVP) for %d s...%n", run, runs,
                    workload.getFileName(), x.displayName(), seconds);
            out.flush();
            double xcpu0 = TigerVncPeer.cpuSeconds(x.pid());
            runWorkload(x.displayName());
            return TigerVncPeer.cpuSeconds(x.pid()) - xcpu0;
        }
    }

    private static Run withBaseline(Run r, double baseline) {
        return new Run(r.svpMb, r.svpUpdates, r.svpCpu, r.p50, r.p99, r.idle, r.blts, r.moves, r.xCpu, r.peerMb,
                r.peerUpdates, baseline);
    }

    private void print(List<Run> rs) {
        out.println();
        out.printf("%d run%s of %d s%s%n", rs.size(), rs.size() == 1 ? "" : "s", seconds,
                rs.size() > 1 ? " (min–max over the runs)" : "");
        out.printf("%-30s %12s %13s %13s %13s %15s%n", "", "MB sent", "updates", "server CPU s", "p50 ms", "p99 ms");
        out.printf("%-30s %12s %13s %13s %13s %15s%n", "SVP (x11 source, LZ4)", range(rs, Run::svpMb, "%.1f"),
                range(rs, Run::svpUpdates, "%.0f"), range(rs, Run::svpCpu, "%.2f"), range(rs, Run::p50, "%.2f"),
                range(rs, Run::p99, "%.1f"));
        if (tigervnc) {
            out.printf("%-30s %12s %13s %13s %13s %15s%n", "TigerVNC (Tight q8)", range(rs, Run::peerMb, "%.1f"),
                    range(rs, Run::peerUpdates, "%.0f"), range(rs, r -> r.xCpu - r.baselineCpu, "%.2f"), "-", "-");
            out.printf("  TigerVNC CPU = Xvnc with its client (%s s) minus Xvnc alone (%s s: fresh Xvnc, same workload,"
                    + " no VNC client, no SVP).%n", range(rs, Run::xCpu, "%.2f"), range(rs, Run::baselineCpu, "%.2f"));
            out.println("  The side-by-side Xvnc also served SVP's XShmGetImage captures, so the difference includes"
                    + " that X-server-side cost of SVP too.");
        } else {
            out.printf("  X server (Xvfb) CPU over the run: %s s (X drawing plus SVP's captures)%n",
                    range(rs, Run::xCpu, "%.2f"));
        }
        out.printf("SVP SCREEN_BLTs: %s (of which window moves: %s)%n", range(rs, Run::blts, "%.0f"),
                range(rs, Run::moves, "%.0f"));
        out.printf("SVP idle CPU: %s %% of a core (%d s after the workload closed its windows, nothing changing)%n",
                range(rs, Run::idle, "%.2f"), IDLE_SECONDS);
        out.println("server CPU = threads svp-io + svp-encoder-* + svp-x11; latency = capture to hand-off to the sockets");
        out.flush();
    }

    private static String range(List<Run> rs, ToDoubleFunction<Run> f, String format) {
        double min = rs.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = rs.stream().mapToDouble(f).max().orElse(Double.NaN);
        String a = String.format(Locale.ROOT, format, min);
        String b = String.format(Locale.ROOT, format, max);
        return a.equals(b) ? a : a + "–" + b;
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
