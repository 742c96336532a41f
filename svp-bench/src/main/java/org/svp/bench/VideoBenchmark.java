package org.svp.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.svp.client.ClientOptions;
import org.svp.client.PasswordSource;
import org.svp.client.RemoteScreen;
import org.svp.client.SvpClient;
import org.svp.codec.jpeg.Quality;
import org.svp.protocol.Rect;
import org.svp.server.CodecCounter;
import org.svp.server.ServerConfig;
import org.svp.server.ServerStats;
import org.svp.server.SvpServer;

/**
 * {@code svp bench video} (issue 13): a 640×360 moving picture at 25 fps in a 1280×720 desktop, served
 * by a server in this JVM to one headless client over loopback. After a warm-up (the region becomes an
 * H.264 stream after ten frames) it measures the wire's Mbit/s, the frames per second the client
 * painted in the picture, and the PSNR of what the client shows against the source frame it shows
 * (sampled twice a second; the best match among the frames the source sent in the last two seconds,
 * since the client is some frames behind). Targets: ≤ 2 Mbit/s with ≥ 25 frames/s.
 */
public final class VideoBenchmark {
    static final int SCREEN_W = 1280;
    static final int SCREEN_H = 720;
    static final Rect PICTURE = new Rect(320, 180, 640, 360);
    static final double FPS = 25;

    private final Duration measure;
    private final Duration warmup;
    private final Quality quality;
    private final PrintWriter progress;

    /**
     * The numbers of one run.
     *
     * @param seconds the measured wall time
     * @param sourceFrames frames the source sent in it
     * @param paintedFrames of those, the frames the client painted (sent minus those never painted)
     * @param drainMs how long the client took to paint what was on its way when the source stopped
     * @param wireBytes bytes the server sent in it
     * @param psnrMean mean PSNR of the sampled pictures, dB
     * @param psnrMin lowest sampled PSNR, dB
     * @param samples PSNR samples
     * @param serverCpuNanos server threads' CPU in it (I/O + encoders)
     * @param clientCpuNanos client threads' CPU in it (decoding, I420 to RGB)
     * @param captureToWireP50Ms the server's capture-to-wire median over the run, ms
     * @param codecs the server's per-codec counters in it
     */
    public record Result(double seconds, long sourceFrames, long paintedFrames, double drainMs, long wireBytes, double psnrMean,
                         double psnrMin, int samples, long serverCpuNanos, long clientCpuNanos,
                         double captureToWireP50Ms, Map<String, CodecCounter.Snapshot> codecs) {
        /** @return megabits per second on the wire */
        public double mbitPerSecond() {
            return wireBytes * 8 / 1e6 / seconds;
        }

        /** @return picture frames per second the client painted */
        public double deliveredFps() {
            return paintedFrames / seconds;
        }

        /** @return whether both targets were met */
        public boolean targetsMet() {
            return mbitPerSecond() <= 2.0 && deliveredFps() >= 25 * 0.99;
        }

        /** @return the lines to print */
        public String report() {
            StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
                    "video %dx%d at %.0f fps in a %dx%d screen, %.1f s measured%n"
                            + "  Mbit/s                   %8.2f   (target <= 2)%n"
                            + "  frames/s delivered       %8.1f   (target >= 25; the source sent %.1f/s; backlog drained in %.0f ms)%n"
                            + "  PSNR dB                  %8.1f   mean, %.1f min over %d samples%n"
                            + "  server CPU ms/frame      %8.2f   (I/O thread + encoders)%n"
                            + "  client CPU ms/frame      %8.2f   (decode + convert + paint)%n"
                            + "  capture-to-wire p50 ms   %8.2f",
                    PICTURE.width(), PICTURE.height(), FPS, SCREEN_W, SCREEN_H, seconds, mbitPerSecond(),
                    deliveredFps(), sourceFrames / seconds, drainMs, psnrMean, psnrMin, samples,
                    serverCpuNanos / 1e6 / Math.max(1, sourceFrames), clientCpuNanos / 1e6 / Math.max(1, paintedFrames),
                    captureToWireP50Ms));
            codecs.forEach((name, c) -> b.append(String.format(java.util.Locale.ROOT,
                    "%n  codec %-8s %10d bytes %6d regions %8.1f ms CPU", name, c.bytes(), c.regions(), c.cpuMicros() / 1e3)));
            b.append(String.format("%n  targets %s", targetsMet() ? "met" : "NOT met"));
            return b.toString();
        }
    }

    /**
     * @param measure measured time
     * @param warmup time before measuring
     * @param quality the server's --quality
     * @param progress where progress lines go
     */
    public VideoBenchmark(Duration measure, Duration warmup, Quality quality, PrintWriter progress) {
        this.measure = measure;
        this.warmup = warmup;
        this.quality = quality;
        this.progress = progress;
    }

    /**
     * Runs it (bounded by the measured time plus warm-up plus a few seconds).
     *
     * @return the numbers
     * @throws Exception if the server or client fails
     */
    public Result run() throws Exception {
        progress.printf("preparing %d frames of %dx%d...%n", VideoSource.CYCLE, PICTURE.width(), PICTURE.height());
        progress.flush();
        VideoSource source = new VideoSource(SCREEN_W, SCREEN_H, PICTURE, FPS);
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source).quality(quality)) {
            server.start();
            ClientOptions o = ClientOptions.viewer("127.0.0.1", server.port());
            // display only, no screen cache: the source's frames repeat every two seconds
            try (SvpClient client = SvpClient.connect(new ClientOptions(o.host(), o.port(), o.connectTimeout(),
                    o.preferCodec(), true, false, false, o.transport()), PasswordSource.NONE, 0)) {
                client.screen().awaitFirstScreen(Duration.ofSeconds(20));
                AtomicLong painted = new AtomicLong();
                client.screen().listen(new RemoteScreen.Listener() {
                    @Override
                    public void resized(int width, int height) {
                    }

                    @Override
                    public void damaged(Rect area, long receivedNanos) {
                        if (area.equals(PICTURE)) {
                            painted.incrementAndGet();
                        }
                    }

                    @Override
                    public void closed(String reason) {
                    }
                });
                source.go();
                Thread.sleep(warmup.toMillis());
                progress.printf("warmed up; measuring %d s...%n", measure.toSeconds());
                progress.flush();
                return measure(server.stats(), client, source, painted);
            }
        }
    }

    private Result measure(ServerStats stats, SvpClient client, VideoSource source, AtomicLong painted)
            throws InterruptedException {
        long f0 = source.submitted();
        long bytes0 = stats.wireBytesSent.sum();
        long cpu0 = ThreadCpu.nanos("svp-io", "svp-encoder");
        long ccpu0 = ThreadCpu.nanos("svp-client");
        Map<String, CodecCounter.Snapshot> codecs0 = stats.codecCounters();
        long[] latency0 = stats.captureToWire.snapshot();
        long t0 = System.nanoTime();
        long end = t0 + measure.toNanos();
        int[] screen = new int[SCREEN_W * SCREEN_H];
        double sum = 0;
        double min = Double.MAX_VALUE;
        int samples = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(500);
            long latest = source.submitted();
            client.screen().copyInto(PICTURE, screen, SCREEN_W);
            double best = 0;
            for (long n = latest - 1; n >= Math.max(0, latest - VideoSource.CYCLE); n--) { // up to 2 s behind
                best = Math.max(best, psnr(screen, source.expected(n)));
            }
            sum += best;
            min = Math.min(min, best);
            samples++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long sent = source.submitted() - f0;
        long wire = stats.wireBytesSent.sum() - bytes0; // before the lossless refresh that follows the stop
        long serverCpu = ThreadCpu.nanos("svp-io", "svp-encoder") - cpu0;
        long clientCpu = ThreadCpu.nanos("svp-client") - ccpu0;
        long[] latency = minus(stats.captureToWire.snapshot(), latency0);
        Map<String, CodecCounter.Snapshot> codecs = new java.util.TreeMap<>();
        stats.codecCounters().forEach((k, v) -> {
            CodecCounter.Snapshot b = codecs0.getOrDefault(k, new CodecCounter.Snapshot(0, 0, 0));
            if (v.regions() > b.regions()) {
                codecs.put(k, new CodecCounter.Snapshot(v.bytes() - b.bytes(), v.regions() - b.regions(),
                        v.cpuMicros() - b.cpuMicros()));
            }
        });
        source.close();
        long drainStart = System.nanoTime();
        long lastCount = -1;
        long lastChange = drainStart;
        // until every frame sent is painted, or nothing was painted for a second (frames were lost)
        while (painted.get() < source.submitted() && System.nanoTime() - lastChange < 1_000_000_000L
                && System.nanoTime() - drainStart < 15_000_000_000L) {
            long c = painted.get();
            if (c != lastCount) {
                lastCount = c;
                lastChange = System.nanoTime();
            }
            Thread.sleep(20);
        }
        // every frame the source sent is one painted picture unless the server coalesced it away: the
        // frames never painted (after the client drained its backlog) were lost
        long lost = Math.max(0, source.submitted() - painted.get());
        double drainMs = (System.nanoTime() - drainStart) / 1e6;
        return new Result(seconds, sent, Math.max(0, sent - lost), drainMs, wire,
                samples == 0 ? 0 : sum / samples, samples == 0 ? 0 : min, samples, serverCpu, clientCpu,
                org.svp.server.LatencyHistogram.quantileMillis(latency, 0.5), codecs);
    }

    private static long[] minus(long[] a, long[] b) {
        long[] d = a.clone();
        for (int i = 0; i < d.length; i++) {
            d[i] -= b[i];
        }
        return d;
    }

    /** PSNR of the picture area of {@code screen} against {@code expected} (its w×h pixels), dB. */
    static double psnr(int[] screen, int[] expected) {
        double se = 0;
        int w = PICTURE.width();
        for (int y = 0; y < PICTURE.height(); y++) {
            int row = (PICTURE.y() + y) * SCREEN_W + PICTURE.x();
            for (int x = 0; x < w; x++) {
                int a = screen[row + x];
                int e = expected[y * w + x];
                for (int s = 0; s <= 16; s += 8) {
                    int d = (a >> s & 0xFF) - (e >> s & 0xFF);
                    se += d * d;
                }
            }
        }
        double mse = se / (3.0 * w * PICTURE.height());
        return mse == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
