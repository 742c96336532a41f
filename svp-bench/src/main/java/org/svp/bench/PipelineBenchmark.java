package org.svp.bench;

import java.io.PrintWriter;
import java.time.Duration;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.server.transport.SelfSignedCertificates;
import org.svp.server.transport.ServerTls;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.KnownServers;

/**
 * {@code svp bench pipeline}: one server and one headless client in this JVM, talking over loopback
 * TCP. The server streams full-screen RGB32 DIRTY_RECTs (LZ4 or RAW); the client decodes and renders
 * each until the client has rendered the frames asked for. A frame is a screen's worth of DIRTY_RECT
 * pixels rendered by the client (when the client falls behind, the server coalesces, and a re-sent
 * screen in bands counts as one frame). The client offers no screen cache (the frames repeat). Prints frames/s end to end, MB/s on the wire, server CPU ms per frame (I/O thread + encoder
 * workers + source thread) and the client's decode+render ms per frame.
 */
public final class PipelineBenchmark {
    /** Frames before measuring starts: JIT warm-up. */
    static final int WARMUP_FRAMES = 90;

    private final int width;
    private final int height;
    private final int frames;
    private final int codec;
    private final PrintWriter progress;
    private final long clientQueueBytes;
    private boolean tls;

    /**
     * The numbers of one run.
     *
     * @param frames frames rendered by the client in the measured part
     * @param seconds wall time of the measured part
     * @param wireBytes bytes the server sent in the measured part
     * @param serverCpuNanos server threads' CPU in the measured part
     * @param clientRenderNanos client decode+render time in the measured part
     * @param clientCpuNanos client threads' CPU in the measured part
     * @param coalesced times the client fell behind and was coalesced
     * @param width screen width
     * @param height screen height
     * @param codec 0 RAW, 1 LZ4, 255 AUTO (the v2 codecs through the encode manager)
     * @param codecs the server's per-codec counters of the measured part
     * @param tls whether every channel went through TLS
     */
    public record Result(long frames, double seconds, long wireBytes, long serverCpuNanos, long clientRenderNanos,
                         long clientCpuNanos, long coalesced, int width, int height, int codec,
                         java.util.Map<String, org.svp.server.CodecCounter.Snapshot> codecs, boolean tls) {
        /** @return frames per second end to end */
        public double fps() {
            return frames / seconds;
        }

        /** @return the lines to print */
        public String report() {
            double rawMb = (double) width * height * 4 * frames / 1e6;
            return String.format(
                    "pipeline %dx%d RGB32 %s%s, %d frames in %.2f s%n"
                            + "  frames/s                 %8.1f   (target >= 60)%n"
                            + "  wire MB/s                %8.1f   (%.1f MB/frame, ratio %.2f of raw)%n"
                            + "  server CPU ms/frame      %8.2f   (I/O thread + encoders + source)%n"
                            + "  client decode+render ms  %8.2f   per frame (client CPU %.2f ms/frame)%n"
                            + "  coalesce events          %8d",
                    width, height, codecName(codec), tls ? " over TLS" : "", frames, seconds, fps(),
                    wireBytes / 1e6 / seconds,
                    wireBytes / 1e6 / Math.max(1, frames), wireBytes / 1e6 / Math.max(1e-9, rawMb),
                    serverCpuNanos / 1e6 / Math.max(1, frames), clientRenderNanos / 1e6 / Math.max(1, frames),
                    clientCpuNanos / 1e6 / Math.max(1, frames), coalesced) + codecLines();
        }

        private String codecLines() {
            StringBuilder b = new StringBuilder();
            codecs.forEach((name, c) -> b.append(String.format(java.util.Locale.ROOT,
                    "%n  codec %-8s %10d bytes %8d regions %10.1f ms CPU (%.1f MB/frame)", name, c.bytes(), c.regions(),
                    c.cpuMicros() / 1e3, c.bytes() / 1e6 / Math.max(1, frames))));
            return b.toString();
        }
    }

    /**
     * @param codec a codec request
     * @return its name in the report
     */
    static String codecName(int codec) {
        return codec == 1 ? "LZ4" : codec == 0 ? "RAW" : "AUTO (v2 codecs)";
    }

    /**
     * @param width screen width
     * @param height screen height
     * @param frames frames to measure (after warm-up)
     * @param codec 0 RAW, 1 LZ4, 255 AUTO (v2 codecs)
     * @param progress where progress lines go
     */
    public PipelineBenchmark(int width, int height, int frames, int codec, PrintWriter progress) {
        this(width, height, frames, codec, progress, ServerConfig.DEFAULT_CLIENT_QUEUE_BYTES);
    }

    /**
     * @param clientQueueBytes the server's per-client queue bound (tests use a small one to make the
     *     server coalesce, as it does when the client cannot keep up)
     */
    PipelineBenchmark(int width, int height, int frames, int codec, PrintWriter progress, long clientQueueBytes) {
        this.clientQueueBytes = clientQueueBytes;
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.codec = codec;
        this.progress = progress;
    }

    /**
     * @param on run every channel through TLS (JSSE, a self-signed certificate made for the run)
     * @return this
     */
    public PipelineBenchmark tls(boolean on) {
        tls = on;
        return this;
    }

    /**
     * Runs the benchmark (bounded: at most 120 s of streaming).
     *
     * @return the numbers
     * @throws Exception if the server or client fails
     */
    public Result run() throws Exception {
        progress.printf("preparing %dx%d frames...%n", width, height);
        progress.flush();
        // The source streams until closed: when the client falls behind, the server coalesces frames, so
        // a fixed number of submitted frames would reach the client as fewer (and the warm-up could eat
        // them all, leaving "0 frames" measured). The client's rendered screens are what is counted.
        FullScreenSource source = new FullScreenSource(width, height, Integer.MAX_VALUE);
        ServerConfig config = ServerConfig.of("127.0.0.1", 0, true).withClientQueueBytes(clientQueueBytes);
        ServerTls serverTls = ServerTls.off();
        if (tls) {
            SelfSignedCertificates.KeyAndCertificate kc = SelfSignedCertificates.create("bench", java.util.List.of("127.0.0.1"));
            serverTls = ServerTls.of(kc.key(), java.util.List.of(kc.certificate()), "made for the benchmark");
        }
        try (SvpServer server = new SvpServer(config, source, serverTls);
             SvpClient client = connect(server)) {
            source.go();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long screen = (long) width * height;
            // the stream never ends, so a pause (a loaded machine, GC) is waited out, up to the deadline
            while (client.stats().paintedPixels.sum() / screen < WARMUP_FRAMES && System.nanoTime() < deadline) {
                waitFrames(client, WARMUP_FRAMES, screen, deadline);
            }
            long px0 = client.stats().paintedPixels.sum();
            long t0 = System.nanoTime();
            long bytes0 = server.stats().wireBytesSent.sum();
            long cpu0 = ThreadCpu.nanos("svp-io", "svp-encoder", "svp-bench-source");
            long ccpu0 = ThreadCpu.nanos("svp-client");
            long render0 = client.stats().renderNanos.sum();
            long co0 = server.stats().coalesceEvents.sum();
            var codecs0 = server.stats().codecCounters();
            progress.printf("warmed up with %d frames; measuring %d frames...%n", px0 / screen, frames);
            progress.flush();
            // the first whole screen count at which px0 + frames screens have been rendered
            long target = (px0 + frames * screen + screen - 1) / screen;
            long t1 = waitFrames(client, target, screen, deadline);
            while (client.stats().paintedPixels.sum() / screen < target && System.nanoTime() < deadline) {
                t1 = waitFrames(client, target, screen, deadline);
            }
            long n = (client.stats().paintedPixels.sum() - px0) / screen;
            if (n < frames) {
                throw new IllegalStateException("the client rendered only " + n + " of " + frames
                        + " frames within 120 s");
            }
            n = frames; // t1 is when the count was reached (polled every ms); what came after is not timed
            return new Result(n, (t1 - t0) / 1e9, server.stats().wireBytesSent.sum() - bytes0,
                    ThreadCpu.nanos("svp-io", "svp-encoder", "svp-bench-source") - cpu0,
                    client.stats().renderNanos.sum() - render0, ThreadCpu.nanos("svp-client") - ccpu0,
                    server.stats().coalesceEvents.sum() - co0, width, height, codec,
                    minus(server.stats().codecCounters(), codecs0), tls);
        }
    }

    private static java.util.Map<String, org.svp.server.CodecCounter.Snapshot> minus(
            java.util.Map<String, org.svp.server.CodecCounter.Snapshot> now,
            java.util.Map<String, org.svp.server.CodecCounter.Snapshot> before) {
        java.util.Map<String, org.svp.server.CodecCounter.Snapshot> d = new java.util.TreeMap<>();
        now.forEach((k, v) -> {
            var b = before.getOrDefault(k, new org.svp.server.CodecCounter.Snapshot(0, 0, 0));
            d.put(k, new org.svp.server.CodecCounter.Snapshot(v.bytes() - b.bytes(), v.regions() - b.regions(),
                    v.cpuMicros() - b.cpuMicros()));
        });
        return d;
    }

    private SvpClient connect(SvpServer server) throws Exception {
        server.start();
        ClientOptions o = ClientOptions.viewer("127.0.0.1", server.port());
        ClientTransport transport = ClientTransport.plain();
        if (tls) { // pins in a throw-away file: the certificate is new every run
            java.nio.file.Path pins = java.nio.file.Files.createTempFile("svp-bench-pins", "");
            java.nio.file.Files.delete(pins);
            pins.toFile().deleteOnExit();
            transport = ClientTransport.tls(new KnownServers(pins), line -> { });
        }
        // no screen cache: the source cycles through a few precomputed frames, which the cache would turn
        // into 12-byte references, and this benchmark measures encoding, the wire and rendering
        SvpClient c = SvpClient.connect(new ClientOptions(o.host(), o.port(), o.connectTimeout(), codec,
                true, false, false, transport), org.svp.client.PasswordSource.NONE, 0);
        if (tls != c.isTls()) {
            c.close();
            throw new IllegalStateException("the client did not get TLS");
        }
        return c;
    }

    /**
     * Waits until the client has rendered {@code n} screens of pixels, or the stream ended (nothing
     * new for a second: coalescing merged some frames) or the deadline passed.
     *
     * @param screen pixels of one screen
     * @return when the client last made progress
     */
    static long waitFrames(SvpClient client, long n, long screen, long deadline) throws InterruptedException {
        long lastChange = System.nanoTime();
        long last = -1;
        while (client.stats().paintedPixels.sum() / screen < n) {
            long now = System.nanoTime();
            long have = client.stats().paintedPixels.sum();
            if (have != last) {
                last = have;
                lastChange = now;
            }
            if (now > deadline || now - lastChange > Duration.ofSeconds(1).toNanos()) {
                return lastChange; // coalescing merged frames: the stream has ended
            }
            Thread.sleep(1);
        }
        return System.nanoTime();
    }
}
