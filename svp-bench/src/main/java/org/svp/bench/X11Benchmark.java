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
import org.svp.source.x11.launch.XServerProcess;

/**
 * {@code svp bench x11}: the shared 1280×800 desktop workload ({@code ../shared/bench/workload.sh}) on
 * an X server started here — Xvfb, or with the TigerVNC peer Xvnc, which is then both the X server
 * and the VNC server measured side by side (../shared/bench/README.md). SVP's server runs as its own
 * process ({@code svp server --source x11:DISPLAY}, {@link SvpServerProcess}), started the way a user
 * starts it; one counting headless client runs in this JVM. Each workload run lasts {@code warmup +
 * seconds}: every counter (the SVP process's CPU from /proc and its split by thread, the server's
 * counters, the X server's CPU, rfbcount's bytes) covers only the {@code seconds} after the warm-up; the
 * SVP process's CPU up to the end of the warm-up (JVM start-up, first screen, JIT) is printed on its own
 * line. Prints SVP's server CPU (the whole process), bytes, updates and capture-to-wire latency, its idle
 * CPU after the workload, and the peer's row. With the peer, each round runs the workload three times,
 * each on a fresh Xvnc: with rfbcount and SVP (side by side), with SVP only, and alone. TigerVNC's
 * encoding CPU is Xvnc's CPU with rfbcount and SVP minus Xvnc's with SVP only; SVP's X-server-side cost
 * (its captures, answered by Xvnc) is Xvnc's with SVP only minus Xvnc alone; SVP's total is its server
 * process plus that cost, and that total is what the target "server CPU ≤ TigerVNC's encoding CPU"
 * compares. {@code runs} repeats everything and prints min–max per column. Runs on the caller's thread.
 */
public final class X11Benchmark {
    /** Screen size of the shared workload. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /** Seconds of a still screen for the idle measurement. */
    private static final int IDLE_SECONDS = 5;
    /**
     * rfbcount counts for the measured window plus this, from its handshake (a fraction of a second
     * after the warm-up ends); after the workload nothing changes but its windows closing.
     */
    private static final int PEER_SLACK_SECONDS = 3;
    /** The groups of the split line, in print order. */
    private static final ProcessCpu.Group[] SPLIT = ProcessCpu.Group.values();

    private final int seconds;
    private final int warmup;
    private final boolean tigervnc;
    private final int runs;
    private final Path workload;
    private final String serverMainClass;
    private final PrintWriter out;

    /** The X server and who is attached to it in one workload run. */
    private enum Setup {
        /** Xvfb with SVP attached (no peer). */
        XVFB_SVP("Xvfb with SVP"),
        /** Xvnc with rfbcount and SVP attached: the side-by-side run. */
        XVNC_PEER_SVP("Xvnc with rfbcount and SVP"),
        /** Xvnc with SVP attached and no VNC client: SVP's X-server-side cost on top of the drawing. */
        XVNC_SVP("Xvnc with SVP only, no VNC client"),
        /** Xvnc with nothing attached: the X drawing alone. */
        XVNC_ALONE("Xvnc alone, no VNC client, no SVP");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    /**
     * What SVP and the X server measured in one workload run with SVP attached, over the window after
     * the warm-up; peer fields NaN without it.
     *
     * @param svpCpu the SVP server process's CPU seconds (all threads)
     * @param split svpCpu by thread group
     * @param startupCpu the SVP server process's CPU seconds from its start to the end of the warm-up
     * @param startupJit of those, its JIT compiler threads'
     */
    private record Sample(double svpMb, double svpUpdates, double svpCpu, ProcessCpu.Usage split, double startupCpu,
            double startupJit, double p50, double p99, double idle, double blts, double moves, double xCpu,
            double peerMb, double peerUpdates) {
    }

    /**
     * One round. Without the peer only {@code main} (Xvfb) is set and the other fields are NaN / null.
     *
     * @param main the side-by-side run (or the Xvfb run)
     * @param svpOnly the run on Xvnc with SVP only
     * @param aloneCpu Xvnc's CPU seconds with nothing attached
     */
    private record Round(Sample main, Sample svpOnly, double aloneCpu) {
        /** @return TigerVNC's encoding CPU: (Xvnc with rfbcount + SVP) − (Xvnc with SVP only) */
        double peerCpu() {
            return main.xCpu - svpOnly.xCpu;
        }

        /** @return SVP's X-server-side CPU: (Xvnc with SVP only) − (Xvnc alone) */
        double svpXCost() {
            return svpOnly.xCpu - aloneCpu;
        }

        /** @return SVP's server process (side-by-side run) plus its X-server-side cost */
        double svpTotal() {
            return main.svpCpu + svpXCost();
        }
    }

    /**
     * @param seconds the measured window of each workload run
     * @param warmup seconds of workload before the window (not measured; the SVP process's CPU up to its
     *     end is printed separately)
     * @param tigervnc run TigerVNC side by side (Xvnc as the X server) plus the SVP-only and the alone runs
     * @param runs how many times to repeat the measurement
     * @param workload path of workload.sh (rfbcount.py is looked up beside it)
     * @param serverMainClass the main class of the {@code svp} command line, on this JVM's class path:
     *     the server is started as {@code java ... -cp CLASSPATH serverMainClass server ...}
     * @param out where progress and the result go
     */
    public X11Benchmark(int seconds, int warmup, boolean tigervnc, int runs, Path workload, String serverMainClass,
            PrintWriter out) {
        this.seconds = seconds;
        this.warmup = warmup;
        this.tigervnc = tigervnc;
        this.runs = runs;
        this.workload = workload;
        this.serverMainClass = serverMainClass;
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
        int perRound = tigervnc ? 3 : 1;
        // per workload run: X server start, SVP process start, connect and settle, drain (~5 s);
        // per round: the idle measurement (~6 s)
        long estimate = (long) runs * (perRound * (warmup + seconds + 5L) + IDLE_SECONDS + 1);
        out.printf("%d run%s × %d workload%s × (%d s warm-up + %d s) ≈ %s%s%n", runs, runs == 1 ? "" : "s", perRound,
                perRound == 1 ? "" : "s", warmup, seconds, duration(estimate),
                tigervnc ? " (each round: Xvnc with rfbcount and SVP; Xvnc with SVP only; Xvnc alone — each a fresh Xvnc)"
                        : "");
        out.flush();
        long t0 = System.nanoTime();
        List<Round> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            if (tigervnc) {
                Sample main = withSvp(i, Setup.XVNC_PEER_SVP);
                Sample svpOnly = withSvp(i, Setup.XVNC_SVP);
                results.add(new Round(main, svpOnly, alone(i)));
            } else {
                results.add(new Round(withSvp(i, Setup.XVFB_SVP), null, Double.NaN));
            }
        }
        print(results, (System.nanoTime() - t0) / 1_000_000_000L);
    }

    private static String duration(long s) {
        return s < 90 ? s + " s" : s % 60 == 0 || s >= 600 ? Math.round(s / 60.0) + " min"
                : s / 60 + " min " + s % 60 + " s";
    }

    /** One workload run with SVP attached to a fresh X server (and rfbcount too for the side-by-side run). */
    private Sample withSvp(int run, Setup setup) throws Exception {
        int rfbPort = freePort();
        try (XServerProcess x = setup == Setup.XVFB_SVP ? XServerProcess.xvfb(WIDTH, HEIGHT)
                : XServerProcess.xvnc(WIDTH, HEIGHT, rfbPort);
                SvpServerProcess svp = SvpServerProcess.start(serverMainClass, x.displayName());
                SvpClient client = SvpClient.connect(viewerOptions(svp.port()))) {
            client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
            return measure(run, setup, x, svp, client, rfbPort);
        }
    }

    /**
     * The benchmark's SVP viewer: the server's choice of codecs (the v2 lossless codecs), or v1 LZ4
     * when the JVM runs with {@code -Dsvp.bench.codec=lz4} (e.g. {@code JDK_JAVA_OPTIONS}), for
     * before/after byte counts in the same conditions (docs/benchmarks.md).
     */
    private static ClientOptions viewerOptions(int port) {
        ClientOptions o = ClientOptions.viewer("127.0.0.1", port);
        if (!"lz4".equals(System.getProperty("svp.bench.codec"))) {
            return o;
        }
        return new ClientOptions(o.host(), o.port(), o.connectTimeout(), org.svp.protocol.CodecId.LZ4, o.wantDisplay(),
                o.wantCursor(), o.wantInput());
    }

    /** @return the SVP server process's CPU over {@link #IDLE_SECONDS}, in % of one core */
    private static double idlePercent(long pid) throws IOException, InterruptedException {
        double c0 = ProcessCpu.seconds(pid);
        long t0 = System.nanoTime();
        Thread.sleep(IDLE_SECONDS * 1000L);
        return 100.0 * (ProcessCpu.seconds(pid) - c0) / ((System.nanoTime() - t0) / 1e9);
    }

    private Sample measure(int run, Setup setup, XServerProcess x, SvpServerProcess svp, SvpClient client,
            int rfbPort) throws Exception {
        TigerVncPeer peer = setup == Setup.XVNC_PEER_SVP
                ? new TigerVncPeer(workload.resolveSibling("rfbcount.py")) : null;
        progress(run, x, setup);
        Process work = startWorkload(x.displayName());
        try {
            Thread.sleep(warmup * 1000L);
            // the warm-up ends: snapshot every counter
            ProcessCpu.Snapshot cpu0 = ProcessCpu.snapshot(svp.pid());
            ServerCounters stats0 = svp.stats();
            double xcpu0 = ProcessCpu.seconds(x.pid());
            if (peer != null) {
                peer.start(rfbPort, seconds + PEER_SLACK_SECONDS);
            }
            awaitWorkload(work);
            client.screen().awaitStill(Duration.ofMillis(300), Duration.ofSeconds(30));
            // the window ends
            double xcpu = ProcessCpu.seconds(x.pid()) - xcpu0;
            ServerCounters stats = svp.stats().minus(stats0);
            ProcessCpu.Usage cpu = ProcessCpu.snapshot(svp.pid()).since(cpu0);
            ProcessCpu.Usage startup = cpu0.sinceStart();
            long[] peerResult = peer != null ? peer.finish() : new long[] {-1, -1};
            double idle = Double.NaN;
            if (setup != Setup.XVNC_SVP) {
                // the workload has closed its windows (xclock too): nothing changes on screen any more
                Thread.sleep(1000);
                idle = idlePercent(svp.pid());
            }
            return new Sample(stats.bytes() / 1e6, stats.updates(), cpu.total(), cpu, startup.total(),
                    startup.seconds(ProcessCpu.Group.JIT), LatencyHistogram.quantileMillis(stats.latency(), 0.5),
                    LatencyHistogram.quantileMillis(stats.latency(), 0.99), idle, stats.screenBlts(),
                    stats.windowMoves(), xcpu, peer != null ? peerResult[0] / 1e6 : Double.NaN,
                    peer != null ? peerResult[1] : Double.NaN);
        } finally {
            stopWorkload(work);
            if (peer != null) {
                peer.stop();
            }
        }
    }

    private void progress(int run, XServerProcess x, Setup setup) {
        out.printf("run %d/%d: %s on a fresh %s (%s) for %d s warm-up + %d s...%n", run, runs,
                workload.getFileName(), x.displayName(), setup.label, warmup, seconds);
        out.flush();
    }

    /** @return Xvnc's CPU seconds over the window on a fresh Xvnc with no VNC client and no SVP */
    private double alone(int run) throws Exception {
        try (XServerProcess x = XServerProcess.xvnc(WIDTH, HEIGHT, freePort())) {
            progress(run, x, Setup.XVNC_ALONE);
            Process work = startWorkload(x.displayName());
            try {
                Thread.sleep(warmup * 1000L);
                double xcpu0 = ProcessCpu.seconds(x.pid());
                awaitWorkload(work);
                return ProcessCpu.seconds(x.pid()) - xcpu0;
            } finally {
                stopWorkload(work);
            }
        }
    }

    private void print(List<Round> rs, long elapsedSeconds) {
        List<Sample> main = rs.stream().map(Round::main).toList();
        out.println();
        out.printf("%d run%s of %d s after a %d s warm-up%s, took %s%n", rs.size(), rs.size() == 1 ? "" : "s", seconds,
                warmup, rs.size() > 1 ? " (min–max over the runs)" : "", duration(elapsedSeconds));
        row("", "MB sent", "updates", "server CPU s", "p50 ms", "p99 ms");
        row("SVP server process (LZ4)", range(main, Sample::svpMb, "%.1f"),
                range(main, Sample::svpUpdates, "%.0f"), range(main, Sample::svpCpu, "%.2f"),
                range(main, Sample::p50, "%.2f"), range(main, Sample::p99, "%.1f"));
        StringBuilder split = new StringBuilder("  of which");
        for (ProcessCpu.Group g : SPLIT) {
            split.append(g == SPLIT[0] ? " " : ", ").append(g.label).append(' ')
                    .append(range(main, m -> m.split().seconds(g), "%.2f"));
        }
        out.println(split.append(" s"));
        if (tigervnc) {
            row("  + SVP's X-server side", "", "", range(rs, Round::svpXCost, "%.2f"), "", "");
            row("  = SVP total", "", "", range(rs, Round::svpTotal, "%.2f"), "", "");
            row("TigerVNC encoding (Tight q8)", range(main, Sample::peerMb, "%.1f"),
                    range(main, Sample::peerUpdates, "%.0f"), range(rs, Round::peerCpu, "%.2f"), "-", "-");
            out.println("Xvnc CPU s per run (each a fresh Xvnc, same workload, same warm-up and window):");
            out.printf("  A  with rfbcount and SVP          %s%n", range(main, Sample::xCpu, "%.2f"));
            out.printf("  B  with SVP only, no VNC client   %s%n", range(rs, r -> r.svpOnly.xCpu, "%.2f"));
            out.printf("  C  alone, no VNC client, no SVP   %s%n", range(rs, Round::aloneCpu, "%.2f"));
            out.println("  TigerVNC encoding CPU  = A − B");
            out.println("  SVP's X-server side    = B − C   (Xvnc answering SVP's XShmGetImage captures and XDamage)");
            out.println("  SVP total              = SVP server process (side-by-side run) + (B − C)");
            out.printf("  SVP in run B: server process %s s, %s updates (compare with its side-by-side row)%n",
                    range(rs, r -> r.svpOnly.svpCpu, "%.2f"), range(rs, r -> r.svpOnly.svpUpdates, "%.0f"));
            long met = rs.stream().filter(r -> r.svpTotal() <= r.peerCpu()).count();
            StringBuilder perRun = new StringBuilder();
            for (int i = 0; i < rs.size(); i++) {
                Round r = rs.get(i);
                perRun.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "run %d %.3f %s %.3f s (×%.2f)", i + 1,
                        r.svpTotal(), r.svpTotal() <= r.peerCpu() ? "≤" : ">", r.peerCpu(), r.svpTotal() / r.peerCpu()));
            }
            double[] ratios = rs.stream().mapToDouble(r -> r.svpTotal() / r.peerCpu()).sorted().toArray();
            double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                    : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
            out.println("Target \"server CPU ≤ TigerVNC's encoding CPU\" compares SVP total (server process + X-server"
                    + " side) with TigerVNC encoding CPU (A − B), run by run:");
            out.printf("  %s → met in %d of %d run%s; SVP total / TigerVNC encoding: median ×%.2f%n", perRun, met,
                    rs.size(), rs.size() == 1 ? "" : "s", median);
        } else {
            out.printf("  X server (Xvfb) CPU over the window: %s s (X drawing plus SVP's captures)%n",
                    range(main, Sample::xCpu, "%.2f"));
        }
        out.printf("SVP server process from its start to the end of the %d s warm-up%s (JVM start-up, first screen,"
                + " JIT; not in the rows above): %s s, of which JIT compilers %s s%n", warmup,
                tigervnc ? ", side-by-side run" : "", range(main, Sample::startupCpu, "%.2f"),
                range(main, Sample::startupJit, "%.2f"));
        out.printf("SVP SCREEN_BLTs: %s (of which window moves: %s)%n", range(main, Sample::blts, "%.0f"),
                range(main, Sample::moves, "%.0f"));
        out.printf("SVP idle CPU: %s %% of a core (whole server process, %d s after the workload closed its windows,"
                + " nothing changing; /proc counts 10 ms ticks)%n", range(main, Sample::idle, "%.2f"), IDLE_SECONDS);
        out.println("SVP server process = all CPU of the 'svp server' process (/proc, every thread, JIT and GC"
                + " included); latency = capture to hand-off to the sockets");
        out.flush();
    }

    /** Prints one table row, without trailing blanks where the last columns are empty. */
    private void row(String label, String mb, String updates, String cpu, String p50, String p99) {
        out.println(String.format(Locale.ROOT, "%-32s %12s %13s %13s %13s %15s", label, mb, updates, cpu, p50, p99)
                .stripTrailing());
    }

    private static <T> String range(List<T> rs, ToDoubleFunction<T> f, String format) {
        double min = rs.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = rs.stream().mapToDouble(f).max().orElse(Double.NaN);
        String a = String.format(Locale.ROOT, format, min);
        String b = String.format(Locale.ROOT, format, max);
        return a.equals(b) ? a : a + "–" + b;
    }

    /** Starts the workload for the warm-up plus the measured window. */
    private Process startWorkload(String display) throws IOException {
        return new ProcessBuilder(workload.toString(), display, Integer.toString(warmup + seconds))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void awaitWorkload(Process p) throws IOException, InterruptedException {
        // it was started warmup seconds ago
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            throw new IOException("the workload did not finish within " + (warmup + seconds + 60) + " s");
        }
    }

    /** Stops the workload and what it started if it still runs (after a failure). */
    private static void stopWorkload(Process p) {
        if (p.isAlive()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
