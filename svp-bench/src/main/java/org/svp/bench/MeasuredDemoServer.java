package org.svp.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.svp.render.Surface;
import org.svp.render.SurfaceImages;

/**
 * The set-up {@code bench load} and {@code bench faults} share: {@code svp server --source demo} as its
 * own process with the launcher's server JVM flags, its RSS at start (2 s after "ready"), at peak (a
 * daemon thread samples it every {@value #SAMPLE_MILLIS} ms) and after the clients left (5 s, a full GC
 * through jcmd, 2 s), and the comparison of every client's final picture with the frame the server
 * saves when its animation is ended ({@code finish} on its stdin). A temporary directory holds that
 * frame. Used from the benchmark thread.
 */
final class MeasuredDemoServer implements AutoCloseable {
    /**
     * The flags ./svp gives {@code svp server} (the launcher, "server JVM flags"; a later -Xms wins over
     * the earlier one), so the numbers are a real server's.
     */
    static final List<String> JVM_FLAGS = List.of("--enable-native-access=ALL-UNNAMED", "-Xms256m",
            "-XX:+UseSerialGC", "-Xmn24m", "-XX:-ShrinkHeapInSteps", SvpServerProcess.SERVER_JIT,
            SvpServerProcess.SERVER_COMPILE_THRESHOLDS, "-Xms32m", "-Xmx256m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    static final long SAMPLE_MILLIS = 250;

    private final SvpServerProcess process;
    private final Path dir;
    private final Path finalPng;
    private final double rssStartMb;
    private final AtomicLong peakKb;
    private final Thread sampler;

    private MeasuredDemoServer(SvpServerProcess process, Path dir, Path finalPng) throws InterruptedException {
        this.process = process;
        this.dir = dir;
        this.finalPng = finalPng;
        Thread.sleep(2000); // JIT and first frames settle
        this.rssStartMb = ProcessMemory.rssMb(process.pid());
        this.peakKb = new AtomicLong((long) (rssStartMb * 1024));
        this.sampler = sampler(process.pid(), peakKb);
    }

    /**
     * Starts the demo animating until {@code finish}, on one port, with connection caps raised above
     * {@code clients} × 4 channels (all clients come from 127.0.0.1; the default cap per address is 64
     * connections) and {@code --no-tls} (the fleet's clients are plain, as in every benchmark but
     * {@code bench pipeline --tls}).
     *
     * @param mainClass the CLI's main class
     * @param port the port to serve on
     * @param clients how many clients will connect at most
     * @return the running server, its start RSS taken
     * @throws IOException if it cannot be started
     * @throws InterruptedException if interrupted
     */
    static MeasuredDemoServer start(String mainClass, int port, int clients) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("svp-bench-load-");
        Path finalPng = dir.resolve("server-final.png");
        String cap = Integer.toString(clients * 4 + 64);
        SvpServerProcess process;
        try {
            process = SvpServerProcess.start(JVM_FLAGS, mainClass, port, List.of("server", "--source", "demo",
                    "--bind", "127.0.0.1", "--port", Integer.toString(port), "--single-port", "--stats-on-stdin",
                    "--demo-frames", "100000000", "--save-final", finalPng.toString(), "--max-connections", cap,
                    "--max-connections-per-address", cap, "--no-tls"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            Files.deleteIfExists(dir);
            throw e;
        }
        try {
            return new MeasuredDemoServer(process, dir, finalPng);
        } catch (InterruptedException | RuntimeException e) {
            process.close();
            Files.deleteIfExists(dir);
            throw e;
        }
    }

    /** @return the server process (stats, pid, stderr) */
    SvpServerProcess process() {
        return process;
    }

    /** @return RSS 2 s after "ready", MB */
    double rssStartMb() {
        return rssStartMb;
    }

    /** @return the highest RSS sampled so far, MB */
    double rssPeakMb() {
        return peakKb.get() / 1024.0;
    }

    /**
     * Ends the demo's animation, waits for the server's final frame and compares every open client's
     * screen with it.
     *
     * @param fleet the clients
     * @return {identical, compared}
     * @throws IOException if the server did not save its final frame within 30 s
     * @throws InterruptedException if interrupted
     */
    int[] compareFinals(ClientFleet fleet) throws IOException, InterruptedException {
        process.send("finish");
        if (process.awaitLine("saved final frame", 30_000) == null) {
            throw new IOException("the server did not save its final frame within 30 s of 'finish'");
        }
        int[] rgb = SurfaceImages.readPngRgb(finalPng);
        BufferedImage img = ImageIO.read(finalPng.toFile());
        Surface reference = new Surface(img.getWidth(), img.getHeight());
        System.arraycopy(rgb, 0, reference.pixels(), 0, rgb.length);
        return fleet.finalsIdentical(reference, Duration.ofSeconds(60));
    }

    /**
     * Call once the clients have closed: 5 s of settling, a full GC requested through jcmd, 2 s more;
     * stops the peak sampler.
     *
     * @param out where a failed GC request is noted
     * @return the RSS then, MB
     * @throws InterruptedException if interrupted
     */
    double rssAfterClientsLeft(PrintWriter out) throws InterruptedException {
        Thread.sleep(5000);
        if (!ProcessMemory.requestGc(process.pid())) {
            out.println("  jcmd GC.run failed: the RSS after is without a full GC");
        }
        Thread.sleep(2000);
        sampler.interrupt();
        return ProcessMemory.rssMb(process.pid());
    }

    /** Stops the sampler and the server, removes the final frame. */
    @Override
    public void close() throws IOException {
        sampler.interrupt();
        process.close();
        Files.deleteIfExists(finalPng);
        Files.deleteIfExists(dir);
    }

    /** A daemon thread that keeps the highest RSS of {@code pid} in {@code peakKb}. */
    private static Thread sampler(long pid, AtomicLong peakKb) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    double mb = ProcessMemory.rssMb(pid);
                    if (mb > 0) {
                        peakKb.accumulateAndGet((long) (mb * 1024), Math::max);
                    }
                    Thread.sleep(SAMPLE_MILLIS);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }, "svp-bench-rss");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
