package org.svp.bench.link;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.svp.client.ClientOptions;
import org.svp.client.PasswordSource;
import org.svp.client.SvpClient;
import org.svp.protocol.CodecId;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.server.flow.LinkEstimate;
import org.svp.server.transport.ServerTls;

/**
 * {@code svp bench link}: the SVP server and a headless client in this JVM, every channel through a
 * {@link ThrottlingProxy} (rate, round trip, bloated buffer). While {@link LinkSource} keeps changing
 * the screen, a key is pressed every 100–200 ms and the time from sending KEYBOARD_EVENT to the marker
 * being drawn on the client is recorded; then the changes stop and the time until the client's picture
 * equals the source's is measured. Plain SVP (no TLS: the proxy rewrites CHANNEL_LIST).
 */
public final class LinkBenchmark {
    /** Changes before measuring: slow start and the first full screen. */
    static final Duration WARMUP = Duration.ofSeconds(3);
    /** A key whose marker did not arrive within this counts as lost. */
    static final Duration KEY_TIMEOUT = Duration.ofSeconds(3);
    /** How long the picture may take to converge before the run reports that it did not. */
    static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(20);

    private final double rateMbit;
    private final int rttMs;
    private final int seconds;
    private final PrintWriter progress;
    private boolean flowControl = true;

    /**
     * The numbers of one run.
     *
     * @param rateMbit link rate
     * @param rttMs link round trip
     * @param seconds measured seconds of changes
     * @param latenciesMillis input-to-screen times of the key presses whose marker arrived, sorted
     * @param lost key presses whose marker did not arrive within {@link #KEY_TIMEOUT}
     * @param throughputMbit what the link delivered to the client while measuring
     * @param framesPerSecond animated-area pixels the client drew per second, in whole animated frames
     * @param convergedMillis from the last change to the client showing the source's picture, -1 if not
     *     within {@link #CONVERGE_TIMEOUT}
     * @param maxQueueBytes the largest per-client queue the server had
     * @param estimate what the server's flow control measured at the end
     */
    public record Result(double rateMbit, int rttMs, int seconds, List<Double> latenciesMillis, int lost,
                         double throughputMbit, double framesPerSecond, long convergedMillis, long maxQueueBytes,
                         LinkEstimate estimate) {
        /**
         * @param p percentile, 0–100
         * @return that input-to-screen time in ms (nearest rank), NaN without samples
         */
        public double percentile(double p) {
            if (latenciesMillis.isEmpty()) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latenciesMillis.size()) - 1;
            return latenciesMillis.get(Math.clamp(i, 0, latenciesMillis.size() - 1));
        }

        /** @return the lines to print */
        public String report() {
            return String.format(java.util.Locale.ROOT,
                    "link %.1f Mbit/s, %d ms RTT (throttling proxy on 127.0.0.1), %d s of changes, %dx%d%s%n"
                            + "  input-to-screen p50      %8.1f ms   (%d key presses, %d lost)%n"
                            + "  input-to-screen p99      %8.1f ms   (target < 250; %d over 250 ms)%n"
                            + "  throughput               %8.2f Mbit/s%n"
                            + "  frames/s delivered       %8.1f      (animated area; the source makes %d)%n"
                            + "  server's estimate        %8.2f Mbit/s, RTT %.0f ms (base %.0f ms), window %d KiB%n"
                            + "  max client queue         %8d KiB%n"
                            + "  %s",
                    rateMbit, rttMs, seconds, LinkSource.WIDTH, LinkSource.HEIGHT,
                    estimate.measured() ? "" : ", no flow control", percentile(50),
                    latenciesMillis.size(), lost, percentile(99),
                    latenciesMillis.stream().filter(l -> l > 250).count(), throughputMbit, framesPerSecond, LinkSource.FPS,
                    estimate.megabitsPerSecond(), estimate.rttMillis(), estimate.baseRttMillis(),
                    estimate.windowBytes() / 1024, maxQueueBytes / 1024,
                    convergedMillis >= 0 ? "converged after " + convergedMillis + " ms   (target < 2000)"
                            : "not converged within " + CONVERGE_TIMEOUT.toSeconds() + " s");
        }
    }

    /**
     * @param rateMbit link rate, Mbit/s
     * @param rttMs round trip, ms
     * @param seconds seconds of changes to measure
     * @param progress where progress lines go
     */
    public LinkBenchmark(double rateMbit, int rttMs, int seconds, PrintWriter progress) {
        this.rateMbit = rateMbit;
        this.rttMs = rttMs;
        this.seconds = seconds;
        this.progress = progress;
    }

    /**
     * @param on whether the client offers flow control (off: the behaviour before it, for comparison)
     * @return this
     */
    public LinkBenchmark flowControl(boolean on) {
        flowControl = on;
        return this;
    }

    /**
     * Runs it (bounded: warm-up + seconds + key and convergence time-outs).
     *
     * @return the numbers
     * @throws Exception if the server, proxy or client fails
     */
    public Result run() throws Exception {
        LinkSource source = new LinkSource();
        System.setProperty(SvpClient.NO_FLOW_CONTROL_PROPERTY, String.valueOf(!flowControl));
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source, ServerTls.off())) {
            server.start();
            try (ThrottlingProxy proxy = new ThrottlingProxy(server.port(), (long) (rateMbit * 1e6),
                    TimeUnit.MILLISECONDS.toNanos(rttMs));
                 SvpClient client = SvpClient.connect(new ClientOptions("127.0.0.1", proxy.port(),
                         Duration.ofSeconds(30), CodecId.AUTO, true, false, true), PasswordSource.NONE, 0)) {
                client.screen().awaitFirstScreen(Duration.ofSeconds(60));
                MarkerWatch watch = new MarkerWatch(client.screen());
                client.screen().listen(watch);
                progress.printf("connected through the link; warming up %d s...%n", WARMUP.toSeconds());
                progress.flush();
                source.animate(true);
                Thread.sleep(WARMUP);
                long bytes0 = proxy.deliveredDownBytes();
                long px0 = client.stats().paintedPixels.sum();
                long t0 = System.nanoTime();
                long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
                List<Double> latencies = new ArrayList<>();
                int lost = 0;
                int presses = 0;
                java.util.Random jitter = new java.util.Random(13);
                while (System.nanoTime() < end) {
                    watch.expect(LinkSource.markerColour(++presses));
                    long sent = System.nanoTime();
                    client.key(true, 0x1E);
                    client.key(false, 0x1E);
                    long shown = watch.await(KEY_TIMEOUT.toNanos());
                    if (shown < 0) {
                        lost++;
                    } else {
                        latencies.add((shown - sent) / 1e6);
                    }
                    Thread.sleep(100 + jitter.nextInt(100));
                }
                long t1 = System.nanoTime();
                double secs = (t1 - t0) / 1e9;
                double mbit = (proxy.deliveredDownBytes() - bytes0) * 8 / 1e6 / secs;
                long animated = (long) LinkSource.VIDEO.width() * LinkSource.VIDEO.height()
                        + (long) LinkSource.TERMINAL.width() * LinkSource.TERMINAL.height();
                double fps = (client.stats().paintedPixels.sum() - px0) / (double) animated / secs;
                source.animate(false);
                progress.printf("changes stopped; waiting for the picture to converge...%n");
                progress.flush();
                long converged = converge(source, client);
                LinkEstimate estimate = server.linkEstimates().get(5, TimeUnit.SECONDS).stream().findFirst()
                        .orElse(LinkEstimate.UNKNOWN);
                latencies.sort(null);
                return new Result(rateMbit, rttMs, seconds, latencies, lost, mbit, fps, converged,
                        server.stats().maxClientQueueBytes.get(), estimate);
            }
        }
    }

    /**
     * @return ms from the source's last change until the client's picture equals the source's, or -1
     */
    private static long converge(LinkSource source, SvpClient client) throws InterruptedException {
        Thread.sleep(100); // a frame being painted when the animation was stopped still goes out
        long stop = source.lastFrameNanos();
        int[] truth = source.picture();
        long deadline = System.nanoTime() + CONVERGE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            int[] shown = client.screen().snapshot().pixels();
            if (same(truth, shown)) {
                return (System.nanoTime() - stop) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private static boolean same(int[] truth, int[] shown) {
        if (truth.length != shown.length) {
            return false;
        }
        for (int i = 0; i < truth.length; i++) {
            if ((truth[i] & 0xFFFFFF) != (shown[i] & 0xFFFFFF)) {
                return false;
            }
        }
        return true;
    }
}
