package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
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
    /**
     * The workload is started for this much longer than warm-up + window: the window ends with the
     * workload frozen while its windows are still up (the final frame is compared then), and it closes
     * them after it is let go.
     */
    private static final int WORKLOAD_TAIL_SECONDS = 3;
    /** A frozen screen counts as still after this long without change on the SVP client. */
    private static final Duration FROZEN_STILL = Duration.ofMillis(300);
    /** A frozen screen that differs is compared again this often… */
    private static final long RECOMPARE_MS = 250;
    /** …for at most this long after it first looked still. */
    private static final long CONVERGE_MS = 3000;
    /** Without an SVP client (run C) a freeze lasts this long, about as long as one with a comparison. */
    private static final long FREEZE_WITHOUT_CLIENT_MS = 1000;
    /** The groups of the split line, in print order. */
    private static final ProcessCpu.Group[] SPLIT = ProcessCpu.Group.values();

    private final int seconds;
    private final int warmup;
    private final boolean tigervnc;
    private final int runs;
    private final Path workload;
    /** rfbcount.py, the counting RFB client of the TigerVNC runs; null until {@link #run} finds it. */
    private Path rfbcount;
    /** Where the workload's stderr goes (one workload runs at a time; benchmark thread). */
    private Path workloadLog;
    private final String serverMainClass;
    private final PrintWriter out;
    private final int samples;
    private final Path json;
    /** The SVP client's screen-cache budget in bytes (0 = none). */
    private long cacheBudget = SvpClient.DEFAULT_CACHE_BUDGET;
    /** The recording the first SVP server writes ({@link #record}); null once taken. Benchmark thread. */
    private Path record;
    /** Also run F: FreeRDP's shadow server and xfreerdp (AVC420) beside SVP (issue 13). */
    private boolean freerdp;
    /** In run F, xfreerdp's picture is taken this long after the freeze (it has no "still" signal). */
    private static final long RDP_SETTLE_MS = 1500;
    /** The measuring client's quality override (LOSSLESS: the svp.lossless numbers; AUTO: the server's default). */
    private org.svp.codec.jpeg.Quality quality = org.svp.codec.jpeg.Quality.LOSSLESS;

    /** The X server and who is attached to it in one workload run. */
    private enum Setup {
        /** Xvfb with SVP attached (no peer). */
        XVFB_SVP("Xvfb with SVP"),
        /** Xvnc with rfbcount and SVP attached: the side-by-side run. */
        XVNC_PEER_SVP("Xvnc with rfbcount and SVP"),
        /** Xvnc with the lossless rfbcount ZRLE and SVP attached. */
        XVNC_ZRLE_SVP("Xvnc with rfbcount zrle and SVP"),
        /** Xvnc with the lossless rfbcount Tight without JPEG and SVP attached. */
        XVNC_TIGHTLL_SVP("Xvnc with rfbcount tightll and SVP"),
        /** Xvnc shadowed by freerdp-shadow-cli (xfreerdp, AVC420, through the counting proxy) and SVP attached. */
        XVNC_FREERDP_SVP("Xvnc with freerdp-shadow-cli (xfreerdp /gfx:AVC420) and SVP"),
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
     * @param peers per rfbcount mode attached in this run: {bytes, updates}
     * @param frames the SVP client's picture against the X server's (xwd -root) at each freeze: the
     *     in-window samples, then "final" at the end of the window
     * @param extra the server's further counters over the window (per codec, cache)
     * @param rdp FreeRDP's counters in run F, else null
     */
    private record Sample(double svpMb, double svpUpdates, double svpCpu, ProcessCpu.Usage split, double startupCpu,
            double startupJit, double p50, double p99, double idle, double blts, double moves, double xCpu,
            double peerMb, double peerUpdates, Map<String, long[]> peers, List<FrameSample> frames,
            Map<String, Long> extra, RdpCount rdp) {
        /** @return the comparison at the end of the window, or null */
        FrameSample finalFrame() {
            return frames.isEmpty() ? null : frames.getLast();
        }
    }

    /**
     * FreeRDP over the window of run F.
     *
     * @param bytes shadow server → xfreerdp through the proxy
     * @param cpu the shadow server process's CPU seconds (capture, diff, H.264 encoding)
     * @param h264Frames AVC420 frames xfreerdp received
     */
    private record RdpCount(long bytes, double cpu, long h264Frames) {
    }

    /**
     * One picture comparison.
     *
     * @param at seconds into the window
     * @param label "sample" or "final"
     * @param quality the SVP client's picture against the X server's, once identical or after {@link #CONVERGE_MS}
     * @param first the SVP client's picture when it first looked still (before a lossless refresh, if any)
     * @param photo the photo (slideshow) area at its worst: of {@code first}, or (runs A and F) of the
     *     pictures of the current slide the client showed before the freeze ({@link PhotoWatch}); null
     *     if there is no such window
     * @param rdp xfreerdp's picture against the X server's (run F), else null
     * @param rdpPhoto its photo area, else null
     */
    private record FrameSample(double at, String label, FrameQuality quality, FrameQuality first, FrameQuality photo,
            FrameQuality rdp, FrameQuality rdpPhoto) {
    }

    /**
     * One round. Without the peer only {@code main} (Xvfb) is set and the other fields are NaN / null.
     *
     * @param main the side-by-side run (or the Xvfb run)
     * @param lossless per lossless rfbcount mode, its run (that client and SVP on a fresh Xvnc)
     * @param svpOnly the run on Xvnc with SVP only
     * @param aloneCpu Xvnc's CPU seconds with nothing attached
     * @param rdp run F (FreeRDP and SVP at its default quality), or null without {@code --peer freerdp}
     */
    private record Round(Sample main, Map<String, Sample> lossless, Sample svpOnly, double aloneCpu, Sample rdp) {
        /** @return TigerVNC's encoding CPU of one lossless mode: (Xvnc with it + SVP) − (Xvnc with SVP only) */
        double losslessPeerCpu(String mode) {
            Sample s = lossless.get(mode);
            return s == null ? Double.NaN : s.xCpu - svpOnly.xCpu;
        }

        /** @return the lossless mode with the fewest bytes and its byte count, or null if none counted */
        Map.Entry<String, Long> bestLossless() {
            Map.Entry<String, Long> best = null;
            for (var e : lossless.entrySet()) {
                long bytes = e.getValue().peers.get(e.getKey())[0];
                if (bytes >= 0 && (best == null || bytes < best.getValue())) {
                    best = Map.entry(e.getKey(), bytes);
                }
            }
            return best;
        }

        /** @return the run beside TigerVNC's best lossless mode (SVP's lossless stream is measured there) */
        Sample bestRun() {
            Map.Entry<String, Long> best = bestLossless();
            return lossless.get(best == null ? TigerVncPeer.ZRLE : best.getKey());
        }

        /** @return TigerVNC's encoding CPU in its best lossless mode: the figure the CPU target compares with */
        double bestLosslessPeerCpu() {
            Map.Entry<String, Long> best = bestLossless();
            return losslessPeerCpu(best == null ? TigerVncPeer.ZRLE : best.getKey());
        }

        /** @return SVP's server process in the best lossless run plus its X-server-side cost */
        double svpLosslessTotal() {
            return bestRun().svpCpu + svpXCost();
        }

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

        /** @return the run with SVP at its default quality: A beside TigerVNC's default, else F beside FreeRDP; or null */
        Sample defaultRun() {
            return lossless != null ? main : rdp;
        }
    }

    /**
     * @param seconds the measured window of each workload run
     * @param warmup seconds of workload before the window (not measured; the SVP process's CPU up to its
     *     end is printed separately)
     * @param tigervnc run TigerVNC side by side (Xvnc as the X server) plus the SVP-only and the alone runs
     * @param runs how many times to repeat the measurement
     * @param workload path of workload.sh (rfbcount.py is looked up beside it unless {@link #rfbcount} names it)
     * @param serverMainClass the main class of the {@code svp} command line, on this JVM's class path:
     *     the server is started as {@code java ... -cp CLASSPATH serverMainClass server ...}
     * @param out where progress and the result go
     * @param samples pictures compared inside each window (each freezes the workload for about a second),
     *     besides the final one at its end
     * @param json where to write every result as JSON (docs/benchmarks.md), or null
     */
    public X11Benchmark(int seconds, int warmup, boolean tigervnc, int runs, Path workload, String serverMainClass,
            PrintWriter out, int samples, Path json) {
        this.samples = samples;
        this.json = json;
        this.seconds = seconds;
        this.warmup = warmup;
        this.tigervnc = tigervnc;
        this.runs = runs;
        this.workload = workload;
        this.serverMainClass = serverMainClass;
        this.out = out;
    }

    /**
     * @param bytes the SVP client's screen-cache budget (0 = no cache); default {@link SvpClient#DEFAULT_CACHE_BUDGET}
     * @return this
     */
    public X11Benchmark cacheBudget(long bytes) {
        this.cacheBudget = bytes;
        return this;
    }

    /**
     * @param file rfbcount.py to use; null (the default) takes the one beside the workload, else the one beside
     *     the shared workload ({@value TigerVncPeer#SHARED_RFBCOUNT})
     * @return this
     */
    public X11Benchmark rfbcount(Path file) {
        this.rfbcount = file;
        return this;
    }

    /**
     * @param on also run F each round: FreeRDP's shadow server with xfreerdp (AVC420), and SVP at its default quality
     * @return this
     */
    public X11Benchmark freerdp(boolean on) {
        this.freerdp = on;
        return this;
    }

    /**
     * @param file where the first SVP server of the benchmark records what its X source sends ({@code svp
     *     server --record}), for {@code svp bench replay}; null for none
     * @return this
     */
    public X11Benchmark record(Path file) {
        this.record = file;
        return this;
    }

    /** @return the recording the next SVP server writes (the first one only), or null */
    private Path takeRecord() {
        Path r = record;
        record = null;
        return r;
    }

    /**
     * @param q what the SVP client asks for in the runs that measure lossless (the Xvfb run, D, E): default
     *     LOSSLESS; AUTO there compares SVP's default mode with TigerVNC's lossless modes directly
     * @return this
     */
    public X11Benchmark quality(org.svp.codec.jpeg.Quality q) {
        this.quality = q;
        return this;
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
        if (tigervnc) {
            rfbcount = TigerVncPeer.locate(rfbcount, workload);
        }
        if (freerdp && FreeRdpPeer.missingTools() != null) {
            throw new IllegalArgumentException(FreeRdpPeer.missingTools());
        }
        int perRound = (tigervnc ? 5 : 1) + (freerdp ? 1 : 0);
        // per workload run: X server start, SVP process start, connect and settle, drain (~5 s);
        // per round: the idle measurement (~6 s)
        long estimate = (long) runs * (perRound * (warmup + seconds + 5L) + IDLE_SECONDS + 1);
        out.printf("%d run%s × %d workload%s × (%d s warm-up + %d s) ≈ %s%s%s%n", runs, runs == 1 ? "" : "s", perRound,
                perRound == 1 ? "" : "s", warmup, seconds, duration(estimate),
                tigervnc ? " (each round: " + (freerdp ? "Xvnc with FreeRDP's shadow server, xfreerdp AVC420 and SVP; " : "")
                        + "Xvnc with rfbcount and SVP; with rfbcount zrle and SVP; with rfbcount tightll and SVP;"
                        + " with SVP only;"
                        + " alone — each a fresh Xvnc)"
                        : "",
                freerdp && !tigervnc ? " (Xvnc with FreeRDP's shadow server, xfreerdp AVC420 and SVP; Xvfb with SVP)" : "");
        out.flush();
        long t0 = System.nanoTime();
        List<Round> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            // run F first: a FreeRDP session that does not come up ends the benchmark before the long runs
            Sample rdp = freerdp ? withSvp(i, Setup.XVNC_FREERDP_SVP) : null;
            if (tigervnc) {
                Sample main = withSvp(i, Setup.XVNC_PEER_SVP);
                Map<String, Sample> lossless = new LinkedHashMap<>();
                lossless.put(TigerVncPeer.ZRLE, withSvp(i, Setup.XVNC_ZRLE_SVP));
                lossless.put(TigerVncPeer.TIGHT_LOSSLESS, withSvp(i, Setup.XVNC_TIGHTLL_SVP));
                Sample svpOnly = withSvp(i, Setup.XVNC_SVP);
                double alone = alone(i);
                results.add(new Round(main, lossless, svpOnly, alone, rdp));
            } else {
                results.add(new Round(withSvp(i, Setup.XVFB_SVP), null, null, Double.NaN, rdp));
            }
        }
        print(results, (System.nanoTime() - t0) / 1_000_000_000L);
        if (json != null) {
            Files.writeString(json, BenchJson.write(report(results)));
            out.println("wrote " + json);
            out.flush();
        }
    }

    private static String duration(long s) {
        return s < 90 ? s + " s" : s % 60 == 0 || s >= 600 ? Math.round(s / 60.0) + " min"
                : s / 60 + " min " + s % 60 + " s";
    }

    /** One workload run with SVP attached to a fresh X server (and rfbcount too for the side-by-side run). */
    private Sample withSvp(int run, Setup setup) throws Exception {
        int rfbPort = freePort();
        // the default quality (auto) beside TigerVNC's and FreeRDP's lossy defaults; lossless everywhere else
        boolean lossless = setup != Setup.XVNC_PEER_SVP && setup != Setup.XVNC_FREERDP_SVP;
        try (XServerProcess x = setup == Setup.XVFB_SVP ? XServerProcess.xvfb(WIDTH, HEIGHT)
                : XServerProcess.xvnc(WIDTH, HEIGHT, rfbPort);
                FreeRdpPeer rdp = setup == Setup.XVNC_FREERDP_SVP ? FreeRdpPeer.start(x.displayName(), WIDTH, HEIGHT) : null;
                SvpServerProcess svp = SvpServerProcess.start(serverMainClass, x.displayName(), takeRecord());
                SvpClient client = connect(svp.port(), lossless)) {
            client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
            return measure(run, setup, x, svp, client, rfbPort, rdp);
        }
    }

    /**
     * For {@link DiffImages}: the picture a client connecting now gets (the server's mirror, sent whole
     * to a late joiner), which tells a wrong mirror from a wrong stream to the measuring client.
     */
    private Callable<Surface> lateJoiner(SvpServerProcess svp) {
        return () -> {
            try (SvpClient c = connect(svp.port(), true)) {
                c.screen().awaitStill(FROZEN_STILL, Duration.ofSeconds(10));
                return c.screen().snapshot();
            }
        };
    }

    /** Connection attempts of the measuring client: a saturated machine can miss the 5 s hand-shake once. */
    private static final int CONNECT_ATTEMPTS = 3;

    /** Connects the measuring client, again after a failed hand-shake (printed), at most {@link #CONNECT_ATTEMPTS} times. */
    private SvpClient connect(int port, boolean lossless) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return SvpClient.connect(viewerOptions(port, lossless), org.svp.client.PasswordSource.NONE, cacheBudget);
            } catch (Exception e) {
                if (attempt == CONNECT_ATTEMPTS) {
                    throw e;
                }
                out.println("  (connecting the SVP client failed: " + e.getMessage() + "; again)");
                out.flush();
            }
        }
    }

    /**
     * The benchmark's SVP viewer: the server's choice of codecs (the v2 lossless codecs), or v1 LZ4
     * when the JVM runs with {@code -Dsvp.bench.codec=lz4} (e.g. {@code JDK_JAVA_OPTIONS}), for
     * before/after byte counts in the same conditions (docs/benchmarks.md). {@code lossless} asks for
     * {@code --quality} (default Quality.LOSSLESS: svp.lossless); otherwise it asks for nothing and gets the server's default
     * {@code --quality auto} (svp.default, issue 13).
     */
    private ClientOptions viewerOptions(int port, boolean lossless) {
        ClientOptions o = ClientOptions.viewer("127.0.0.1", port).withQuality(lossless ? quality : null);
        if (!"lz4".equals(System.getProperty("svp.bench.codec"))) {
            return o;
        }
        return new ClientOptions(o.host(), o.port(), o.connectTimeout(), org.svp.protocol.CodecId.LZ4, o.wantDisplay(),
                o.wantCursor(), o.wantInput()).withQuality(o.quality());
    }

    /** @return the SVP server process's CPU over {@link #IDLE_SECONDS}, in % of one core */
    private static double idlePercent(long pid) throws IOException, InterruptedException {
        double c0 = ProcessCpu.seconds(pid);
        long t0 = System.nanoTime();
        Thread.sleep(IDLE_SECONDS * 1000L);
        return 100.0 * (ProcessCpu.seconds(pid) - c0) / ((System.nanoTime() - t0) / 1e9);
    }

    private Sample measure(int run, Setup setup, XServerProcess x, SvpServerProcess svp, SvpClient client,
            int rfbPort, FreeRdpPeer rdp) throws Exception {
        List<TigerVncPeer> peers = new ArrayList<>();
        if (setup == Setup.XVNC_PEER_SVP) {
            peers.add(new TigerVncPeer(rfbcount, TigerVncPeer.DEFAULT));
        } else if (setup == Setup.XVNC_ZRLE_SVP) {
            peers.add(new TigerVncPeer(rfbcount, TigerVncPeer.ZRLE));
        } else if (setup == Setup.XVNC_TIGHTLL_SVP) {
            peers.add(new TigerVncPeer(rfbcount, TigerVncPeer.TIGHT_LOSSLESS));
        }
        progress(run, x, setup);
        Process work = startWorkload(x.displayName());
        try {
            Thread.sleep(warmup * 1000L);
            requireWorkload(work, "during the warm-up");
            // the warm-up ends: snapshot every counter
            ProcessCpu.Snapshot cpu0 = ProcessCpu.snapshot(svp.pid());
            ServerCounters stats0 = svp.stats();
            double xcpu0 = ProcessCpu.seconds(x.pid());
            long rdpBytes0 = rdp == null ? 0 : rdp.downBytes();
            double rdpCpu0 = rdp == null ? 0 : ProcessCpu.seconds(rdp.shadowPid());
            long rdpFrames0 = rdp == null ? 0 : rdp.h264Frames();
            // at the default quality: the photo area's pictures as the client showed them, JPEG included
            PhotoArea slide = setup == Setup.XVNC_PEER_SVP || setup == Setup.XVNC_FREERDP_SVP
                    ? PhotoArea.locate(x.displayName(), WIDTH, HEIGHT) : null;
            PhotoWatch watch = slide == null ? null : new PhotoWatch(client.screen(), slide);
            client.screen().listen(watch);
            long windowStart = System.nanoTime();
            for (TigerVncPeer p : peers) {
                p.start(rfbPort, seconds + PEER_SLACK_SECONDS);
            }
            List<FrameSample> frames = new ArrayList<>();
            for (int k = 1; k <= samples; k++) {
                double at = (double) seconds * k / (samples + 1);
                sleepUntil(windowStart, at);
                frames.add(frozenComparison(work, x, client, rdp, watch, at, lateJoiner(svp)));
            }
            sleepUntil(windowStart, seconds);
            requireWorkload(work, "before the window ended");
            // the window ends with the workload frozen, its windows still up
            WorkloadFreeze.freeze(work);
            long frozenAt = System.nanoTime();
            FrameSample last;
            RdpCount rdpCount = null;
            double xcpu;
            ServerCounters stats;
            ProcessCpu.Usage cpu;
            try {
                client.screen().awaitStill(FROZEN_STILL, Duration.ofSeconds(30));
                xcpu = ProcessCpu.seconds(x.pid()) - xcpu0;
                stats = svp.stats().minus(stats0);
                cpu = ProcessCpu.snapshot(svp.pid()).since(cpu0);
                last = compare(seconds, "final", x, client, rdp, watch, frozenAt, lateJoiner(svp));
                client.screen().listen(null);
                if (rdp != null) {
                    // read after xfreerdp's picture: its last frames are in
                    rdpCount = new RdpCount(rdp.downBytes() - rdpBytes0, ProcessCpu.seconds(rdp.shadowPid()) - rdpCpu0,
                            rdp.h264Frames() - rdpFrames0);
                    if (!rdp.alive()) {
                        throw new IOException("the FreeRDP session ended during the window: " + rdp.logTails());
                    }
                }
            } finally {
                WorkloadFreeze.thaw(work);
            }
            frames.add(last);
            ProcessCpu.Usage startup = cpu0.sinceStart();
            Map<String, long[]> peerResults = new LinkedHashMap<>();
            for (TigerVncPeer p : peers) {
                peerResults.put(p.mode(), p.finish());
            }
            awaitWorkload(work);
            double idle = Double.NaN;
            if (setup == Setup.XVFB_SVP || setup == Setup.XVNC_PEER_SVP) {
                // the workload has closed its windows (xclock too): nothing changes on screen any more
                Thread.sleep(1000);
                idle = idlePercent(svp.pid());
            }
            long[] main = peerResults.getOrDefault(TigerVncPeer.DEFAULT, new long[] {-1, -1});
            boolean withDefault = setup == Setup.XVNC_PEER_SVP;
            return new Sample(stats.bytes() / 1e6, stats.updates(), cpu.total(), cpu, startup.total(),
                    startup.seconds(ProcessCpu.Group.JIT), LatencyHistogram.quantileMillis(stats.latency(), 0.5),
                    LatencyHistogram.quantileMillis(stats.latency(), 0.99), idle, stats.screenBlts(),
                    stats.windowMoves(), xcpu, withDefault ? main[0] / 1e6 : Double.NaN,
                    withDefault ? main[1] : Double.NaN, peerResults, frames, stats.extra(), rdpCount);
        } finally {
            stopWorkload(work);
            peers.forEach(TigerVncPeer::stop);
        }
    }

    /** Sleeps until {@code seconds} after {@code start} (System.nanoTime). */
    private static void sleepUntil(long start, double seconds) throws InterruptedException {
        long ms = (long) ((start + (long) (seconds * 1e9) - System.nanoTime()) / 1e6);
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /**
     * Freezes the workload, compares (or, without a client, waits about as long), lets it go on.
     *
     * @return the comparison, or null without a client
     */
    private static FrameSample frozenComparison(Process work, XServerProcess x, SvpClient client, FreeRdpPeer rdp,
            PhotoWatch watch, double at, Callable<Surface> late) throws Exception {
        WorkloadFreeze.freeze(work);
        long frozenAt = System.nanoTime();
        try {
            if (client == null) {
                Thread.sleep(FREEZE_WITHOUT_CLIENT_MS);
                return null;
            }
            client.screen().awaitStill(FROZEN_STILL, Duration.ofSeconds(10));
            return compare(at, "sample", x, client, rdp, watch, frozenAt, late);
        } finally {
            WorkloadFreeze.thaw(work);
            if (watch != null) {
                watch.reset();
            }
        }
    }

    /**
     * The SVP client's picture against {@code xwd -root} of the frozen X server: compared again every
     * {@link #RECOMPARE_MS} until identical or {@link #CONVERGE_MS} have passed (on a loaded machine the
     * last captures may still be on their way after a short still spell, and the default quality sends a
     * lossless refresh of lossy regions once they are still), the last comparison counts; the first is
     * kept too. The photo area's figure is the worst of the first picture's area and of the pictures
     * {@code watch} kept (what the client showed of the current slide before its lossless refresh). In run
     * F then xfreerdp's picture, at least {@link #RDP_SETTLE_MS} after the freeze.
     */
    private static FrameSample compare(double at, String label, XServerProcess x, SvpClient client, FreeRdpPeer rdp,
            PhotoWatch watch, long frozenAt, Callable<Surface> late) throws Exception {
        PhotoArea area = PhotoArea.locate(x.displayName(), WIDTH, HEIGHT);
        long deadline = System.nanoTime() + CONVERGE_MS * 1_000_000L;
        FrameQuality first = null;
        FrameQuality photo = null;
        while (true) {
            XwdImage ref = XwdImage.captureRoot(x.displayName());
            Surface seen = client.screen().snapshot();
            FrameQuality q = against(ref, seen.width(), seen.height(), seen.pixels());
            if (first == null) {
                first = q;
                photo = photoArea(area, ref, seen.width(), seen.height(), seen.pixels());
                if (photo != null && watch != null && watch.area().equals(area)) {
                    FrameQuality shown = watch.worstOfCurrentSlide(ref.pixels(), ref.width());
                    if (shown.psnrDb() < photo.psnrDb()) {
                        photo = shown;
                    }
                }
            }
            if (q.identical() || System.nanoTime() - deadline > 0) {
                if (!q.identical() && System.getProperty("svp.bench.diffdir") != null) {
                    DiffImages.write(Path.of(System.getProperty("svp.bench.diffdir")), ref, seen, late);
                }
                FrameQuality rq = null;
                FrameQuality rp = null;
                if (rdp != null) {
                    sleepUntil(frozenAt, RDP_SETTLE_MS / 1000.0);
                    XwdImage r = rdp.picture();
                    rq = against(ref, r.width(), r.height(), r.pixels());
                    rp = photoArea(area, ref, r.width(), r.height(), r.pixels());
                }
                return new FrameSample(at, label, q, first, photo, rq, rp);
            }
            Thread.sleep(RECOMPARE_MS);
        }
    }

    /** @return a client's picture against the X server's; every pixel differs when the sizes do */
    private static FrameQuality against(XwdImage ref, int width, int height, int[] pixels) {
        return width != ref.width() || height != ref.height()
                ? new FrameQuality(false, (long) ref.width() * ref.height(), Double.NaN, Double.NaN)
                : FrameQuality.compare(ref.pixels(), pixels, width, height);
    }

    /** @return the photo area of a client's picture against the X server's, or null without the area or with another size */
    private static FrameQuality photoArea(PhotoArea area, XwdImage ref, int width, int height, int[] pixels) {
        return area == null || width != ref.width() || height != ref.height() ? null
                : area.compare(ref.pixels(), pixels, width);
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
                requireWorkload(work, "during the warm-up");
                double xcpu0 = ProcessCpu.seconds(x.pid());
                long windowStart = System.nanoTime();
                for (int k = 1; k <= samples; k++) {
                    sleepUntil(windowStart, (double) seconds * k / (samples + 1));
                    frozenComparison(work, x, null, null, null, 0, null);
                }
                sleepUntil(windowStart, seconds);
                double xcpu = ProcessCpu.seconds(x.pid()) - xcpu0;
                awaitWorkload(work);
                return xcpu;
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
        row("SVP server process", range(main, Sample::svpMb, "%.1f"),
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
            for (String mode : List.of(TigerVncPeer.ZRLE, TigerVncPeer.TIGHT_LOSSLESS)) {
                row("TigerVNC lossless (" + mode + ")", range(rs, r -> peerMb(r.lossless.get(mode), mode), "%.1f"),
                        range(rs, r -> peerUpdates(r.lossless.get(mode), mode), "%.0f"),
                        range(rs, r -> r.losslessPeerCpu(mode), "%.2f"), "-", "-");
                row("  SVP beside it", range(rs, r -> r.lossless.get(mode).svpMb, "%.1f"),
                        range(rs, r -> r.lossless.get(mode).svpUpdates, "%.0f"),
                        range(rs, r -> r.lossless.get(mode).svpCpu, "%.2f"), range(rs, r -> r.lossless.get(mode).p50, "%.2f"),
                        range(rs, r -> r.lossless.get(mode).p99, "%.1f"));
            }
            row("  = SVP total in the best lossless run", "", "", range(rs, Round::svpLosslessTotal, "%.2f"), "", "");
            out.printf("Bytes: SVP / TigerVNC's best lossless, in the same run: %s (target ≤ 0.5)%n",
                    range(rs, r -> r.bestRun().svpMb * 1e6 / r.bestLossless().getValue(), "%.2f"));
            out.println("Xvnc CPU s per run (each a fresh Xvnc, same workload, same warm-up and window):");
            out.printf("  A  with rfbcount and SVP          %s%n", range(main, Sample::xCpu, "%.2f"));
            out.printf("  B  with SVP only, no VNC client   %s%n", range(rs, r -> r.svpOnly.xCpu, "%.2f"));
            out.printf("  C  alone, no VNC client, no SVP   %s%n", range(rs, Round::aloneCpu, "%.2f"));
            out.printf("  D  with rfbcount zrle and SVP     %s%n", range(rs, r -> r.lossless.get(TigerVncPeer.ZRLE).xCpu, "%.2f"));
            out.printf("  E  with rfbcount tightll and SVP  %s%n",
                    range(rs, r -> r.lossless.get(TigerVncPeer.TIGHT_LOSSLESS).xCpu, "%.2f"));
            out.println("  TigerVNC encoding CPU  = A − B   (lossless: D − B for zrle, E − B for tightll)");
            out.println("  SVP's X-server side    = B − C   (Xvnc answering SVP's XShmGetImage captures and XDamage)");
            out.println("  SVP total              = SVP server process (side-by-side run) + (B − C)");
            out.printf("  SVP in run B: server process %s s, %s updates (compare with its side-by-side row)%n",
                    range(rs, r -> r.svpOnly.svpCpu, "%.2f"), range(rs, r -> r.svpOnly.svpUpdates, "%.0f"));
            long met = rs.stream().filter(r -> r.svpLosslessTotal() <= r.bestLosslessPeerCpu()).count();
            StringBuilder perRun = new StringBuilder();
            for (int i = 0; i < rs.size(); i++) {
                Round r = rs.get(i);
                perRun.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "run %d %.3f %s %.3f s (×%.2f)", i + 1,
                        r.svpLosslessTotal(), r.svpLosslessTotal() <= r.bestLosslessPeerCpu() ? "≤" : ">",
                        r.bestLosslessPeerCpu(), r.svpLosslessTotal() / r.bestLosslessPeerCpu()));
            }
            double[] ratios = rs.stream().mapToDouble(r -> r.svpLosslessTotal() / r.bestLosslessPeerCpu()).sorted().toArray();
            double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                    : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
            out.println("Target \"server CPU ≤ TigerVNC's encoding CPU\" compares, in the run beside TigerVNC's best"
                    + " lossless mode (D or E), SVP total (server process + X-server side B − C) with that mode's"
                    + " encoding CPU, run by run:");
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
        // run B has the measuring client too: its pictures count (the ninth stop's wrong final frame
        // first showed in run B)
        List<Sample> compared = tigervnc
                ? rs.stream().flatMap(r -> java.util.stream.Stream.concat(java.util.stream.Stream.of(r.main, r.svpOnly),
                        r.lossless.values().stream())).toList()
                : main;
        List<FrameQuality> all = allSamples(compared);
        double worstPsnr = all.stream().mapToDouble(FrameQuality::psnrDb).min().orElse(Double.NaN);
        double worstSsim = all.stream().mapToDouble(FrameQuality::ssim).min().orElse(Double.NaN);
        out.printf(Locale.ROOT, "SVP picture vs the X server's (xwd -root, workload frozen; %s): final frame"
                + " %s; all %d compared (final + %d sample%s per run): %d identical, worst PSNR %s dB, worst SSIM %.4f%n",
                tigervnc ? "runs A, B, D and E" : "Xvfb", finalSummary(compared), all.size(), samples, samples == 1 ? "" : "s",
                all.stream().filter(FrameQuality::identical).count(),
                Double.isInfinite(worstPsnr) ? "∞" : String.format(Locale.ROOT, "%.1f", worstPsnr), worstSsim);
        if (!main.getFirst().extra().isEmpty()) {
            out.println("SVP server counters over the window (first run): " + main.getFirst().extra());
        }
        out.printf("SVP SCREEN_BLTs: %s (of which window moves: %s)%n", range(main, Sample::blts, "%.0f"),
                range(main, Sample::moves, "%.0f"));
        out.printf("SVP idle CPU: %s %% of a core (whole server process, %d s after the workload closed its windows,"
                + " nothing changing; /proc counts 10 ms ticks)%n", range(main, Sample::idle, "%.2f"), IDLE_SECONDS);
        out.println("SVP server process = all CPU of the 'svp server' process (/proc, every thread, JIT and GC"
                + " included); latency = capture to hand-off to the sockets");
        printDefaultMode(rs);
        out.flush();
    }

    /** SVP at its default quality (run A or F), FreeRDP (run F) and issue 13's targets. */
    private void printDefaultMode(List<Round> rs) {
        List<Sample> def = rs.stream().map(Round::defaultRun).filter(java.util.Objects::nonNull).toList();
        if (def.isEmpty()) {
            return;
        }
        String run = tigervnc ? "run A, beside TigerVNC's default" : "run F, beside FreeRDP";
        out.printf(Locale.ROOT, "SVP at its default quality (the client asks for none: the server's --quality auto; %s):"
                + " %s MB, %s updates, server process %s s, p50 %s ms, p99 %s ms%n", run, range(def, Sample::svpMb, "%.2f"),
                range(def, Sample::svpUpdates, "%.0f"), range(def, Sample::svpCpu, "%.2f"), range(def, Sample::p50, "%.2f"),
                range(def, Sample::p99, "%.1f"));
        out.printf("  its picture (samples and final, as first seen still, before any lossless refresh): lowest PSNR"
                + " %s dB, photo area %s dB; final frame (after the refresh) %s%n", psnrRange(def, X11Benchmark::lowestPsnr),
                psnrRange(def, s -> minPsnr(s, FrameSample::photo)), finalSummary(def));
        StringBuilder perCodec = new StringBuilder();
        def.getFirst().extra().forEach((k, v) -> {
            if (k.startsWith("codec.") && k.endsWith(".bytes") && v > 0) {
                perCodec.append(perCodec.isEmpty() ? "" : ", ").append(k, 6, k.length() - 6)
                        .append(String.format(Locale.ROOT, " %.2f MB", v / 1e6));
            }
        });
        out.println("  its bytes by codec (first run): " + perCodec);
        List<Sample> f = rs.stream().map(Round::rdp).filter(java.util.Objects::nonNull).toList();
        if (!f.isEmpty()) {
            out.printf(Locale.ROOT, "FreeRDP (freerdp-shadow-cli /sec:tls, xfreerdp /gfx:AVC420, run F): %s MB server → client,"
                    + " %s H.264 frames, shadow server CPU %s s (its own capture included), Xvnc CPU in F %s s%n",
                    range(f, s -> s.rdp().bytes() / 1e6, "%.2f"), range(f, s -> s.rdp().h264Frames(), "%.0f"),
                    range(f, s -> s.rdp().cpu(), "%.2f"), range(f, Sample::xCpu, "%.2f"));
            out.printf("  xfreerdp's picture (%.1f s after each freeze): lowest PSNR %s dB, photo area %s dB; final frame"
                    + " PSNR %s dB%n", RDP_SETTLE_MS / 1000.0, psnrRange(f, s -> minPsnr(s, FrameSample::rdp)),
                    psnrRange(f, s -> minPsnr(s, FrameSample::rdpPhoto)),
                    psnrRange(f, s -> s.finalFrame() == null || s.finalFrame().rdp() == null ? Double.NaN
                            : s.finalFrame().rdp().psnrDb()));
            out.printf(Locale.ROOT, "  SVP (default quality) beside it: %s MB, server process %s s, lowest PSNR %s dB,"
                    + " photo area %s dB, final frame %s%n", range(f, Sample::svpMb, "%.2f"), range(f, Sample::svpCpu, "%.2f"),
                    psnrRange(f, X11Benchmark::lowestPsnr), psnrRange(f, s -> minPsnr(s, FrameSample::photo)),
                    finalSummary(f));
        }
        out.println("Issue 13 targets, SVP at its default quality (" + (tigervnc ? "run A" : "run F")
                + "; TigerVNC's lossless bytes from D/E, FreeRDP's from F):");
        DefaultModeTargets.print(out, rs.stream().map(this::defaultTargets).toList());
    }

    /** @return issue 13's figures of one round (needs {@link Round#defaultRun()}) */
    private DefaultModeTargets defaultTargets(Round r) {
        Sample d = r.defaultRun();
        Map.Entry<String, Long> best = tigervnc ? r.bestLossless() : null;
        FrameSample fin = d.finalFrame();
        return new DefaultModeTargets(d.svpMb * 1e6, best == null ? Double.NaN : best.getValue(),
                tigervnc ? r.main.peerMb * 1e6 : Double.NaN, r.rdp == null ? Double.NaN : r.rdp.rdp().bytes(),
                minPsnr(d, FrameSample::photo), fin == null || fin.quality() == null ? -1 : fin.quality().differing(),
                tigervnc ? r.svpTotal() : Double.NaN, tigervnc ? r.peerCpu() : Double.NaN, d.p50);
    }

    /** @return the lowest PSNR of one kind of picture over a run's comparisons; +∞ if all identical, NaN if none */
    private static double minPsnr(Sample s, java.util.function.Function<FrameSample, FrameQuality> which) {
        return s.frames().stream().map(which).filter(java.util.Objects::nonNull).mapToDouble(FrameQuality::psnrDb).min()
                .orElse(Double.NaN);
    }

    /** @return the lowest PSNR of SVP's whole picture, as first seen still or after convergence */
    private static double lowestPsnr(Sample s) {
        return Math.min(minPsnr(s, FrameSample::first), minPsnr(s, FrameSample::quality));
    }

    /**
     * {@code svp.default.psnr_min_db}, the figure issue 13's "photo regions PSNR ≥ 40 dB" compares: the
     * lowest of the whole picture's and the photo area's PSNR, as first seen and after convergence. A
     * number for scripts even when every picture was identical: {@link #IDENTICAL_PSNR_DB} then (JSON has
     * no infinity); NaN (written as null) only when nothing was compared.
     */
    private static double targetPsnr(Sample s) {
        double p = Math.min(lowestPsnr(s), minPsnr(s, FrameSample::photo));
        return Double.isInfinite(p) ? IDENTICAL_PSNR_DB : p;
    }

    /** The PSNR written for identical pictures where a number is needed (a common cap; any loss gives less). */
    private static final double IDENTICAL_PSNR_DB = 100.0;

    private static <T> String psnrRange(List<T> rs, ToDoubleFunction<T> f) {
        return range(rs, f, "%.1f").replace("Infinity", "∞").replace("NaN", "-");
    }

    /** @return everything measured, for {@code --json} (layout in docs/benchmarks.md) */
    private Map<String, Object> report(List<Round> rs) {
        List<Map<String, Object>> perRun = rs.stream().map(this::runReport).toList();
        Map<String, Object> top = new LinkedHashMap<>();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seconds", seconds);
        config.put("warmup_s", warmup);
        config.put("runs", runs);
        config.put("peer", tigervnc ? "tigervnc" : freerdp ? "freerdp" : null);
        config.put("peers", java.util.stream.Stream.of(tigervnc ? "tigervnc" : null, freerdp ? "freerdp" : null)
                .filter(java.util.Objects::nonNull).toList());
        config.put("workload", workload.toString());
        config.put("samples", samples);
        config.put("summary", rs.size() == 1 ? "the one run" : "median over the runs (booleans: true in every run)");
        top.put("config", config);
        top.putAll(BenchJsonMerge.median(perRun));
        top.put("runs", perRun);
        return top;
    }

    private Map<String, Object> runReport(Round r) {
        Sample m = r.main;
        Map<String, Object> svp = new LinkedHashMap<>();
        // SVP's lossless stream is measured in the run beside TigerVNC's best lossless client (D or E): same X timeline
        Sample ls = tigervnc ? r.bestRun() : m;
        Map.Entry<String, Long> best = tigervnc ? r.bestLossless() : null;
        Map<String, Object> lossless = new LinkedHashMap<>();
        lossless.put("run", !tigervnc ? "Xvfb" : best != null && best.getKey().equals(TigerVncPeer.TIGHT_LOSSLESS) ? "E" : "D");
        lossless.put("bytes", Math.round(ls.svpMb * 1e6));
        lossless.put("updates", Math.round(ls.svpUpdates));
        lossless.put("latency_ms", latency(ls));
        FrameSample fin = ls.finalFrame();
        lossless.put("final_identical", fin != null && fin.quality() != null && fin.quality().identical());
        lossless.put("final", fin == null ? null : quality(fin));
        lossless.put("samples", ls.frames().stream().filter(f -> f.label().equals("sample")).map(X11Benchmark::quality).toList());
        svp.put("lossless", lossless);
        lossless.put("cpu_s", ls.svpCpu);
        svp.put("cpu_s", tigervnc ? r.svpLosslessTotal() : m.svpCpu);
        svp.put("server_process_cpu_s", ls.svpCpu);
        svp.put("side_by_side_cpu_s", tigervnc ? r.svpTotal() : null);
        svp.put("x_server_side_cpu_s", tigervnc ? r.svpXCost() : null);
        Map<String, Object> split = new LinkedHashMap<>();
        for (ProcessCpu.Group g : SPLIT) {
            split.put(g.name().toLowerCase(Locale.ROOT), ls.split().seconds(g));
        }
        svp.put("cpu_split_s", split);
        svp.put("startup_cpu_s", m.startupCpu);
        svp.put("updates", Math.round(m.svpUpdates));
        svp.put("bytes", Math.round(m.svpMb * 1e6));
        svp.put("latency_ms", latency(m));
        svp.put("idle_cpu_percent", m.idle);
        svp.put("screen_blts", Math.round(m.blts));
        Map<String, Object> codecs = codecs(ls.extra());
        Map<String, Object> counters = new LinkedHashMap<>();
        ls.extra().forEach((k, v) -> {
            if (k.startsWith("codec.")) {
                return; // in codecs
            } else if (k.contains(".")) { // e.g. cache.hits → counters.cache.hits
                String[] parts = k.split("\\.", 2);
                @SuppressWarnings("unchecked")
                Map<String, Object> g = (Map<String, Object>) counters.computeIfAbsent(parts[0], n -> new LinkedHashMap<>());
                g.put(parts[1], v);
            } else {
                counters.put(k, v);
            }
        });
        svp.put("codecs", codecs);
        svp.put("counters", counters);
        Map<String, Object> run = new LinkedHashMap<>();
        if (r.defaultRun() != null) {
            svp.put("default", defaultReport(r));
        }
        run.put("svp", svp);
        if (tigervnc) {
            Map<String, Object> tv = new LinkedHashMap<>();
            Map<String, Object> def = new LinkedHashMap<>();
            def.put("mode", "tight (JPEG quality 8, compress level 2)");
            def.put("bytes", Math.round(m.peerMb * 1e6));
            def.put("updates", Math.round(m.peerUpdates));
            def.put("encoding_cpu_s", r.peerCpu());
            def.put("final_identical", null);
            tv.put("default", def);
            Map<String, Object> ll = new LinkedHashMap<>();
            ll.put("mode", best == null ? null : best.getKey());
            ll.put("bytes", best == null ? null : best.getValue());
            ll.put("updates", best == null ? null : ls.peers.get(best.getKey())[1]);
            for (var e : r.lossless.entrySet()) {
                Map<String, Object> mode = new LinkedHashMap<>();
                long[] counted = e.getValue().peers.get(e.getKey());
                mode.put("bytes", counted[0]);
                mode.put("updates", counted[1]);
                mode.put("encoding_cpu_s", r.losslessPeerCpu(e.getKey()));
                mode.put("svp_bytes", Math.round(e.getValue().svpMb * 1e6));
                ll.put(e.getKey(), mode);
            }
            ll.put("encoding_cpu_s", r.bestLosslessPeerCpu());
            ll.put("final_identical", null);
            tv.put("lossless", ll);
            // the figure the CPU target compares with: TigerVNC's best lossless mode, the same mode SVP's bytes are held against
            tv.put("encoding_cpu_s", r.bestLosslessPeerCpu());
            tv.put("updates", best == null ? null : ls.peers.get(best.getKey())[1]);
            Map<String, Object> lat = new LinkedHashMap<>();
            lat.put("p50", null);
            lat.put("p99", null);
            tv.put("latency_ms", lat);
            Map<String, Object> xvnc = new LinkedHashMap<>();
            xvnc.put("a_with_rfbcount_and_svp", m.xCpu);
            xvnc.put("d_with_zrle_and_svp", r.lossless.get(TigerVncPeer.ZRLE).xCpu);
            xvnc.put("e_with_tightll_and_svp", r.lossless.get(TigerVncPeer.TIGHT_LOSSLESS).xCpu);
            xvnc.put("b_with_svp_only", r.svpOnly.xCpu);
            xvnc.put("c_alone", r.aloneCpu);
            tv.put("xvnc_cpu_s", xvnc);
            run.put("tigervnc", tv);
            Map<String, Object> targets = new LinkedHashMap<>();
            double bytesRatio = best == null ? Double.NaN : ls.svpMb * 1e6 / best.getValue();
            targets.put("bytes_ratio", bytesRatio);
            targets.put("bytes_met", bytesRatio <= 0.5);
            targets.put("cpu_ratio", r.svpLosslessTotal() / r.bestLosslessPeerCpu());
            targets.put("cpu_met", r.svpLosslessTotal() <= r.bestLosslessPeerCpu());
            targets.put("p50_met", ls.p50 < 10);
            targets.put("final_identical", lossless.get("final_identical"));
            run.put("targets", targets);
        }
        if (r.rdp != null) {
            run.put("freerdp", freerdpReport(r));
        }
        if (r.defaultRun() != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> targets = (Map<String, Object>) run.computeIfAbsent("targets", k -> new LinkedHashMap<>());
            targets.put("default", defaultTargets(r).json());
        }
        return run;
    }

    /** @return the server's per-codec counters ({@code codec.NAME.FIELD=…}) as {NAME: {FIELD: …}} */
    private static Map<String, Object> codecs(Map<String, Long> extra) {
        Map<String, Object> codecs = new LinkedHashMap<>();
        extra.forEach((k, v) -> {
            if (k.startsWith("codec.")) {
                String[] parts = k.split("\\.", 3);
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) codecs.computeIfAbsent(parts[1], n -> new LinkedHashMap<>());
                c.put(parts.length > 2 ? parts[2] : "value", v);
            }
        });
        return codecs;
    }

    /** @return {@code svp.default}: SVP at its default quality in run A (or F without TigerVNC) */
    private Map<String, Object> defaultReport(Round r) {
        Sample d = r.defaultRun();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", tigervnc ? "A" : "F");
        m.put("quality", "auto (the client asks for none; the server's default)");
        m.put("bytes", Math.round(d.svpMb * 1e6));
        m.put("updates", Math.round(d.svpUpdates));
        m.put("latency_ms", latency(d));
        m.put("cpu_s", d.svpCpu);
        m.put("total_cpu_s", tigervnc ? r.svpTotal() : null);
        m.put("psnr_min_db", targetPsnr(d));
        m.put("photo_psnr_min_db", minPsnr(d, FrameSample::photo));
        FrameSample fin = d.finalFrame();
        m.put("final_identical", fin != null && fin.quality() != null && fin.quality().identical());
        m.put("final", fin == null ? null : quality(fin));
        m.put("samples", d.frames().stream().filter(f -> f.label().equals("sample")).map(X11Benchmark::quality).toList());
        m.put("codecs", codecs(d.extra()));
        return m;
    }

    /** @return {@code freerdp}: run F's FreeRDP figures and SVP's beside it */
    private Map<String, Object> freerdpReport(Round r) {
        Sample f = r.rdp;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", "freerdp-shadow-cli /sec:tls -auth; xfreerdp /gfx:AVC420 (H.264) through a counting proxy");
        m.put("bytes", f.rdp().bytes());
        m.put("cpu_s", f.rdp().cpu());
        m.put("h264_frames", f.rdp().h264Frames());
        m.put("xvnc_cpu_s", f.xCpu);
        // like TigerVNC's A − B: Xvnc answering the shadow server's captures, beside SVP as in B
        m.put("x_server_side_cpu_s", tigervnc ? f.xCpu - r.svpOnly.xCpu : null);
        m.put("psnr_min_db", minPsnr(f, FrameSample::rdp));
        m.put("photo_psnr_min_db", minPsnr(f, FrameSample::rdpPhoto));
        List<Map<String, Object>> pictures = new ArrayList<>();
        for (FrameSample s : f.frames()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("at_s", s.at());
            q.put("label", s.label());
            q.put("identical", s.rdp() != null && s.rdp().identical());
            q.put("differing_pixels", s.rdp() == null ? null : s.rdp().differing());
            q.put("psnr_db", s.rdp() == null ? null : s.rdp().psnrDb());
            q.put("ssim", s.rdp() == null ? null : s.rdp().ssim());
            q.put("photo_psnr_db", s.rdpPhoto() == null ? null : s.rdpPhoto().psnrDb());
            pictures.add(q);
        }
        m.put("pictures", pictures);
        FrameSample fin = f.finalFrame();
        m.put("final_identical", fin != null && fin.rdp() != null && fin.rdp().identical());
        Map<String, Object> svp = new LinkedHashMap<>();
        svp.put("bytes", Math.round(f.svpMb * 1e6));
        svp.put("cpu_s", f.svpCpu);
        svp.put("psnr_min_db", lowestPsnr(f));
        svp.put("photo_psnr_min_db", minPsnr(f, FrameSample::photo));
        svp.put("final_identical", fin != null && fin.quality() != null && fin.quality().identical());
        m.put("svp_beside_it", svp);
        return m;
    }

    private static Map<String, Object> latency(Sample s) {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", s.p50);
        latency.put("p99", s.p99);
        return latency;
    }

    private static Map<String, Object> quality(FrameSample f) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("at_s", f.at());
        FrameQuality fq = f.quality();
        q.put("identical", fq != null && fq.identical());
        q.put("differing_pixels", fq == null ? null : fq.differing());
        q.put("psnr_db", fq == null ? null : fq.psnrDb());
        q.put("ssim", fq == null ? null : fq.ssim());
        // the picture when first still (default quality: before the lossless refresh) and its photo area
        q.put("first_psnr_db", f.first() == null ? null : f.first().psnrDb());
        q.put("photo_psnr_db", f.photo() == null ? null : f.photo().psnrDb());
        return q;
    }

    private static String finalSummary(List<Sample> main) {
        long identical = main.stream().filter(m -> m.finalFrame() != null && m.finalFrame().quality().identical()).count();
        return identical + " of " + main.size() + " identical";
    }

    private static List<FrameQuality> allSamples(List<Sample> main) {
        return main.stream().flatMap(m -> m.frames().stream()).map(FrameSample::quality)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static double peerMb(Sample s, String mode) {
        long[] r = s.peers().get(mode);
        return r == null || r[0] < 0 ? Double.NaN : r[0] / 1e6;
    }

    private static double peerUpdates(Sample s, String mode) {
        long[] r = s.peers().get(mode);
        return r == null || r[1] < 0 ? Double.NaN : r[1];
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

    /** Starts the workload for the warm-up plus the measured window; its stderr goes to {@link #workloadLog}. */
    private Process startWorkload(String display) throws IOException {
        if (workloadLog == null) {
            workloadLog = Files.createTempFile("svp-bench-workload", ".log");
            workloadLog.toFile().deleteOnExit();
        }
        return new ProcessBuilder(workload.toString(), display, Integer.toString(warmup + seconds + WORKLOAD_TAIL_SECONDS))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(workloadLog.toFile()).start();
    }

    /**
     * A workload that died early (a program it starts is missing, a bad script) would leave the numbers
     * of an idle screen, or processes it started drawing forever with nobody to freeze them: say so
     * instead, with the end of what it printed.
     *
     * @throws IOException if the workload is no longer running
     */
    private void requireWorkload(Process work, String when) throws IOException {
        if (work.isAlive()) {
            return;
        }
        List<String> lines = Files.readAllLines(workloadLog);
        // one line: the command line prints an error's first line only
        String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())).strip();
        throw new IOException("the workload " + workload + " exited (status " + work.exitValue() + ") " + when
                + (tail.isEmpty() ? "" : "; it printed: " + tail));
    }

    /**
     * Waits for the workload's tail (it closes its windows). Everything of the window is measured by
     * then, so a workload that hangs in its clean-up (seen on a saturated machine) costs a warning line
     * and is stopped by the caller, not the whole run.
     */
    private void awaitWorkload(Process p) throws InterruptedException {
        if (!p.waitFor(WORKLOAD_TAIL_SECONDS + 60L, TimeUnit.SECONDS)) {
            out.println("  (the workload did not finish " + (WORKLOAD_TAIL_SECONDS + 60)
                    + " s after the window; stopped, the window's numbers stand)");
            out.flush();
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
