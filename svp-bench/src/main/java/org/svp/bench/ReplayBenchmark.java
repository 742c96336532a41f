package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.svp.client.ClientOptions;
import org.svp.client.PasswordSource;
import org.svp.client.SvpClient;
import org.svp.codec.jpeg.Quality;
import org.svp.render.Surface;
import org.svp.server.LatencyHistogram;

/**
 * {@code svp bench replay}: the server's CPU on a recording ({@code svp server --record FILE}, or
 * {@code svp bench x11 --record FILE}), served again by {@code svp server --source replay:FILE} as its own
 * process with the server's JVM flags, to one lossless headless client in this JVM. A live X desktop
 * never gives the server the same work twice (window timing, X's own scheduling, the peer's load); a
 * replay does, so two builds or two JVM flags can be told apart by a few percent (docs/benchmarks.md
 * "bench replay"). The X source's own work (capture, diff) is not in a replay: only the I/O thread and
 * the encoders. Each run: the server starts, the client connects, the replay starts a second later; the
 * window is from {@code warmup} seconds into the replay to its end. Runs on the calling thread.
 */
public final class ReplayBenchmark {
    /** How long the final picture must stay still before it is compared. */
    private static final Duration STILL = Duration.ofMillis(500);
    /** A window shorter than this means the replay had ended before it began. */
    private static final long MIN_WINDOW_NANOS = 100_000_000L;

    /**
     * One run's numbers.
     *
     * @param usage the server process's CPU over the window, split by thread group
     * @param window seconds measured
     * @param counters the server's counters over the window
     * @param clientBytes display bytes the client received over the window
     * @param identical whether the client's final picture equals a late joiner's (the server's mirror)
     */
    public record Run(ProcessCpu.Usage usage, double window, ServerCounters counters, long clientBytes,
            boolean identical) {
        double cpu() {
            return usage.total();
        }

        double io() {
            return usage.seconds(ProcessCpu.Group.IO);
        }

        double encoders() {
            return usage.seconds(ProcessCpu.Group.ENCODER);
        }

        double jit() {
            return usage.seconds(ProcessCpu.Group.JIT);
        }

        double gc() {
            return usage.seconds(ProcessCpu.Group.GC);
        }

        double other() {
            return usage.seconds(ProcessCpu.Group.OTHER);
        }

        double mb() {
            return clientBytes / 1e6;
        }

        double p50() {
            return LatencyHistogram.quantileMillis(counters.latency(), 0.5);
        }

        double p99() {
            return LatencyHistogram.quantileMillis(counters.latency(), 0.99);
        }
    }

    private final Path recording;
    private final int runs;
    private final int warmupSeconds;
    private final String serverMainClass;
    private final PrintWriter out;

    /**
     * @param recording the recording to replay
     * @param runs how many times (a fresh server each)
     * @param warmupSeconds seconds of the replay before the window (JIT, first screen)
     * @param serverMainClass the CLI's main class
     * @param out where progress and the report go
     */
    public ReplayBenchmark(Path recording, int runs, int warmupSeconds, String serverMainClass, PrintWriter out) {
        this.recording = recording;
        this.runs = runs;
        this.warmupSeconds = warmupSeconds;
        this.serverMainClass = serverMainClass;
        this.out = out;
    }

    /**
     * @return the runs
     * @throws IOException if the recording is missing, a server fails or the replay does not end
     * @throws InterruptedException if interrupted
     */
    public List<Run> run() throws Exception {
        List<Run> rs = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            out.printf("run %d/%d: replaying %s (%d s warm-up)...%n", i, runs, recording, warmupSeconds);
            out.flush();
            Run r = once();
            out.printf(Locale.ROOT, "  server %.2f s in %.1f s (svp-io %.2f, encoders %.2f, JIT %.2f, GC/VM %.2f,"
                    + " other %.2f), %d updates, %.2f MB, p50 %.2f ms, p99 %.1f ms, final picture %s%n", r.cpu(),
                    r.window(), r.io(), r.encoders(), r.jit(), r.gc(), r.other(), r.counters().updates(), r.mb(),
                    r.p50(), r.p99(), r.identical() ? "identical" : "DIFFERENT");
            StringBuilder codecs = new StringBuilder("  by codec (MB, CPU s):");
            r.counters().extra().forEach((k, v) -> {
                if (k.startsWith("codec.") && k.endsWith(".bytes") && v > 0) {
                    String c = k.substring(6, k.length() - 6);
                    long us = r.counters().extra().getOrDefault("codec." + c + ".cpu_us", 0L);
                    codecs.append(String.format(Locale.ROOT, " %s %.3f, %.2f;", c, v / 1e6, us / 1e6));
                }
            });
            out.println(codecs);
            out.flush();
            rs.add(r);
        }
        report(rs);
        return rs;
    }

    private Run once() throws Exception {
        int port = SvpServerProcess.freePort();
        List<String> flags = new ArrayList<>(MeasuredDemoServer.JVM_FLAGS);
        flags.addAll(SvpServerProcess.extraServerFlags()); // as bench x11: flags to compare
        try (SvpServerProcess svp = SvpServerProcess.start(flags, serverMainClass, port, List.of("server", "--source",
                "replay:" + recording, "--bind", "127.0.0.1", "--port", Integer.toString(port), "--single-port",
                "--stats-on-stdin", "--no-tls"));
                SvpClient client = connect(port)) {
            Thread.sleep(org.svp.source.replay.ReplaySource.START_DELAY_MILLIS + warmupSeconds * 1000L);
            ProcessCpu.Snapshot c0 = ProcessCpu.snapshot(svp.pid());
            ServerCounters s0 = svp.stats();
            long b0 = client.stats().displayBytes.sum();
            long t0 = System.nanoTime();
            if (svp.awaitLine("replay finished", Duration.ofHours(2).toMillis()) == null) {
                throw new IOException("the replay did not finish");
            }
            if (System.nanoTime() - t0 < MIN_WINDOW_NANOS) { // its line was already waiting: it ended in the warm-up
                throw new IOException("the recording is shorter than the warm-up (" + warmupSeconds + " s)");
            }
            ProcessCpu.Snapshot c1 = ProcessCpu.snapshot(svp.pid());
            ServerCounters s1 = svp.stats();
            double window = (System.nanoTime() - t0) / 1e9;
            client.screen().awaitStill(STILL, Duration.ofSeconds(30));
            long b1 = client.stats().displayBytes.sum();
            boolean identical;
            try (SvpClient late = connect(port)) {
                late.screen().awaitStill(STILL, Duration.ofSeconds(30));
                Surface a = client.screen().snapshot();
                Surface b = late.screen().snapshot();
                identical = a.width() == b.width() && a.height() == b.height()
                        && java.util.Arrays.equals(a.pixels(), b.pixels());
            }
            return new Run(c1.since(c0), window, s1.minus(s0), b1 - b0, identical);
        }
    }

    private static SvpClient connect(int port) throws IOException, InterruptedException {
        return SvpClient.connect(ClientOptions.viewer("127.0.0.1", port).withQuality(Quality.LOSSLESS),
                PasswordSource.NONE, SvpClient.DEFAULT_CACHE_BUDGET);
    }

    private void report(List<Run> rs) {
        out.println();
        out.printf("%d run%s of %s%s:%n", rs.size(), rs.size() == 1 ? "" : "s", recording,
                rs.size() > 1 ? " (min–max, mean)" : "");
        line(rs, "server process CPU s", Run::cpu, "%.2f");
        line(rs, "  svp-io", Run::io, "%.2f");
        line(rs, "  svp-encoder-*", Run::encoders, "%.2f");
        line(rs, "  JIT compilers", Run::jit, "%.2f");
        line(rs, "  GC/VM", Run::gc, "%.2f");
        line(rs, "  other (svp-replay reads the file)", Run::other, "%.2f");
        line(rs, "window s", Run::window, "%.1f");
        line(rs, "MB to the client", Run::mb, "%.2f");
        line(rs, "capture-to-wire p50 ms", Run::p50, "%.2f");
        line(rs, "capture-to-wire p99 ms", Run::p99, "%.1f");
        long same = rs.stream().filter(Run::identical).count();
        out.printf("final picture equal to a late joiner's (the server's mirror): %d of %d%n", same, rs.size());
        out.flush();
    }

    private void line(List<Run> rs, String label, ToDoubleFunction<Run> f, String fmt) {
        double[] v = rs.stream().mapToDouble(f).toArray();
        double min = java.util.Arrays.stream(v).min().orElse(Double.NaN);
        double max = java.util.Arrays.stream(v).max().orElse(Double.NaN);
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        String s = v.length == 1 ? String.format(Locale.ROOT, fmt, min)
                : String.format(Locale.ROOT, fmt + "–" + fmt + ", mean " + fmt, min, max, mean);
        out.printf("  %-38s %s%n", label, s);
    }
}
