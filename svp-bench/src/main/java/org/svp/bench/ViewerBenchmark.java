package org.svp.bench;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.PaintStats;
import org.svp.client.swing.view.ScaleMode;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;

/**
 * {@code svp bench viewer}: the client-side cost of the desktop viewer. A server in this JVM streams
 * full-screen RGB32 DIRTY_RECTs (LZ4) over loopback to a client whose screen is shown by the real viewer
 * canvas ({@link FramebufferPanel}) in a window on this JVM's display. First it starts the whole viewer a
 * few times in fresh JVMs and prints the time to first picture ({@link TimeToFirstPicture}). Then per frame: decode + render
 * (display thread, including the copy into the back buffer), the copy alone, paint (EDT time in
 * paintComponent per painted frame), frames received and painted per second, and the paint latency
 * (display thread starts on an update → painted and flushed to the X server) p50/p99.
 */
public final class ViewerBenchmark {
    /** Fresh viewer JVMs started for the time to first picture. */
    private static final int FIRST_PICTURE_RUNS = 5;

    private final int width;
    private final int height;
    private final int frames;
    private final ScaleMode scale;
    private final PrintWriter out;

    /**
     * @param width screen width
     * @param height screen height
     * @param frames frames to measure (after warm-up)
     * @param scale how the canvas shows the screen
     * @param out where progress and results go
     */
    public ViewerBenchmark(int width, int height, int frames, ScaleMode scale, PrintWriter out) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.scale = scale;
        this.out = out;
    }

    /**
     * Runs it (at most 120 s of streaming) and prints the numbers.
     *
     * @throws IllegalStateException without a display
     * @throws Exception if the server or client fails
     */
    public void run() throws Exception {
        if (GraphicsEnvironment.isHeadless()) {
            throw new IllegalStateException("bench viewer needs an X display, e.g. run it under xvfb-run");
        }
        firstPicture();
        out.printf("preparing %d frames of %dx%d...%n", frames + PipelineBenchmark.WARMUP_FRAMES, width, height);
        out.flush();
        FullScreenSource source = new FullScreenSource(width, height, PipelineBenchmark.WARMUP_FRAMES + frames);
        AtomicReference<JFrame> window = new AtomicReference<>();
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
            server.start();
            ClientOptions o = ClientOptions.viewer("127.0.0.1", server.port());
            // no screen cache: the source repeats 8 frames, which would become references (PipelineBenchmark)
            try (SvpClient client = SvpClient.connect(new ClientOptions(o.host(), o.port(), o.connectTimeout(), 255,
                    true, false, false), org.svp.client.PasswordSource.NONE, 0)) {
                FramebufferPanel panel = new FramebufferPanel(scale);
                SwingUtilities.invokeAndWait(() -> window.set(show(panel)));
                panel.attach(client.screen(), reason -> { });
                source.go();
                long screen = (long) width * height;
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                PipelineBenchmark.waitFrames(client, PipelineBenchmark.WARMUP_FRAMES, screen, deadline);
                PaintStats p = panel.stats();
                long px0 = client.stats().dirtyPixels.sum();
                long render0 = client.stats().renderNanos.sum();
                long copy0 = p.copyNanos.sum();
                long paint0 = p.paintNanos.sum();
                long painted0 = p.framesPainted.sum();
                p.clearLatencies();
                long t0 = System.nanoTime();
                out.printf("measuring %d frames...%n", frames);
                out.flush();
                long t1 = PipelineBenchmark.waitFrames(client, PipelineBenchmark.WARMUP_FRAMES + frames, screen, deadline);
                Thread.sleep(200); // let the last paints finish
                long n = Math.max(1, (client.stats().dirtyPixels.sum() - px0) / screen);
                long painted = Math.max(1, p.framesPainted.sum() - painted0);
                double seconds = (t1 - t0) / 1e9;
                out.printf("viewer %dx%d RGB32 LZ4, scale %s, %d frames in %.2f s%n", width, height,
                        scale == ScaleMode.FIT ? "fit" : "1:1", n, seconds);
                out.printf("  frames received/s             %8.1f%n", n / seconds);
                out.printf("  frames painted/s              %8.1f   (Swing coalesces repaints of frames it could not show)%n",
                        painted / seconds);
                out.printf("  decode+render ms/frame        %8.2f   (display thread, incl. copy to back buffer)%n",
                        (client.stats().renderNanos.sum() - render0) / 1e6 / n);
                out.printf("    of which copy ms/frame      %8.2f%n", (p.copyNanos.sum() - copy0) / 1e6 / n);
                out.printf("  paint ms/painted frame        %8.2f   (EDT, paintComponent)%n",
                        (p.paintNanos.sum() - paint0) / 1e6 / painted);
                out.printf("  paint latency p50 / p99 ms    %8.2f / %.2f   (update received -> on screen, %d samples)%n",
                        p.latencyPercentile(0.5) / 1e6, p.latencyPercentile(0.99) / 1e6, p.latencyCount());
                out.flush();
                panel.detach();
            }
        } finally {
            SwingUtilities.invokeAndWait(() -> {
                if (window.get() != null) {
                    window.get().dispose();
                }
            });
        }
    }

    /**
     * Time to first picture: {@link #FIRST_PICTURE_RUNS} fresh viewer JVMs, one after the other, each
     * against a server (in this JVM) that shows one full-screen frame of the benchmark's size.
     */
    private void firstPicture() throws Exception {
        out.printf("time to first picture: starting the viewer %d times...%n", FIRST_PICTURE_RUNS);
        out.flush();
        FullScreenSource source = new FullScreenSource(width, height, 1);
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
            server.start();
            source.go();
            source.awaitSubmitted();
            List<TimeToFirstPicture.Run> runs = TimeToFirstPicture.measure(server.port(), FIRST_PICTURE_RUNS);
            long[] connect = runs.stream().mapToLong(TimeToFirstPicture.Run::fromConnectMs).toArray();
            long[] jvm = runs.stream().mapToLong(TimeToFirstPicture.Run::fromJvmMs).toArray();
            out.printf("time to first picture: %d ms   (median of %d fresh viewer JVMs, %dx%d, connect start -> "
                    + "first picture painted; min %d, max %d)%n", TimeToFirstPicture.median(connect), runs.size(),
                    width, height, Arrays.stream(connect).min().orElse(0), Arrays.stream(connect).max().orElse(0));
            long[] cpu = runs.stream().mapToLong(TimeToFirstPicture.Run::cpuMs).toArray();
            out.printf("  from JVM start               %5d ms   (median; min %d, max %d)%n",
                    TimeToFirstPicture.median(jvm), Arrays.stream(jvm).min().orElse(0),
                    Arrays.stream(jvm).max().orElse(0));
            out.printf("  CPU of the viewer until then %5d ms   (median, all threads; min %d, max %d: what the start "
                    + "costs whatever else runs)%n", TimeToFirstPicture.median(cpu), Arrays.stream(cpu).min().orElse(0),
                    Arrays.stream(cpu).max().orElse(0));
            out.flush();
        }
    }

    private JFrame show(FramebufferPanel panel) {
        JFrame f = new JFrame("SVP bench viewer");
        f.add(new JScrollPane(panel));
        f.setSize(Math.min(width + 20, 1900), Math.min(height + 40, 1060));
        f.setVisible(true);
        return f;
    }
}
