package org.svp.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;

/**
 * A benchmark source: a stream of full-screen RGB32 DIRTY_RECTs as fast as the server takes them
 * (back-pressure from the bounded queue paces it). The frames are desktop-like (gradient wallpaper,
 * windows, text-like stripes, a moving picture) and precomputed, so the source itself costs what a
 * real capture costs at most: handing over a buffer. Runs on its own thread "svp-bench-source".
 */
final class FullScreenSource implements DisplaySource {
    /** Distinct precomputed frames cycled through (enough that consecutive frames always differ). */
    private static final int DISTINCT_FRAMES = 8;

    private final int width;
    private final int height;
    private final int frames;
    private final byte[][] images;
    private final CountDownLatch submitted = new CountDownLatch(1);
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long firstSubmitNanos;
    private Thread thread;

    FullScreenSource(int width, int height, int frames) {
        this.width = width;
        this.height = height;
        this.frames = frames;
        this.images = new byte[DISTINCT_FRAMES][];
        for (int i = 0; i < DISTINCT_FRAMES; i++) {
            images[i] = frame(i);
        }
    }

    private byte[] frame(int n) {
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 0x60;
            }
        }
        for (int w = 0; w < 4; w++) {
            int wx = 80 + w * width / 5;
            int wy = 60 + w * 90;
            fill(rgb, wx, wy, width / 4, height / 3, 0xF0F0F0);
            fill(rgb, wx, wy, width / 4, 24, 0x2050A0);
            for (int line = 0; line < 12; line++) {
                for (int x = wx + 8; x < wx + width / 4 - 8; x += 7) {
                    int len = 2 + ((x * 31 + line * 17 + w) % 5);
                    fill(rgb, x, wy + 36 + line * 16, len, 9, 0x202020);
                }
            }
        }
        int px = (n * 97) % Math.max(1, width - 400);
        int py = (n * 53) % Math.max(1, height - 300);
        for (int y = 0; y < 300 && py + y < height; y++) {
            for (int x = 0; x < 400 && px + x < width; x++) {
                int v = (int) (127 + 127 * Math.sin((x + n * 13) / 23.0) * Math.cos((y - n * 7) / 17.0));
                rgb[(py + y) * width + px + x] = (v << 16) | ((255 - v) << 8) | ((x ^ y) & 0xFF);
            }
        }
        byte[] out = new byte[width * height * 4];
        PixelConverter.fromRgb(rgb, 0, width, width, height, PixelFormat.RGB32, out, 0);
        return out;
    }

    private void fill(int[] rgb, int x0, int y0, int w, int h, int c) {
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
                rgb[y * width + x] = c;
            }
        }
    }

    @Override
    public void start(DisplaySink sink) {
        thread = new Thread(() -> {
            try {
                sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(width, height))));
                go.await();
                firstSubmitNanos = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.RAW, 0, 0, width, height,
                            images[i % DISTINCT_FRAMES]);
                    sink.submit(new SourceUpdate.Draw(List.of(new DirtyRect(b))));
                }
                submitted.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "svp-bench-source");
        thread.setDaemon(true);
        thread.start();
    }

    /** Lets the stream begin (called once the measuring client is connected). */
    void go() {
        go.countDown();
    }

    /** @return when the first frame was handed to the server */
    long firstSubmitNanos() {
        return firstSubmitNanos;
    }

    /**
     * @throws InterruptedException if interrupted
     */
    void awaitSubmitted() throws InterruptedException {
        submitted.await();
    }

    @Override
    public InputSink input() {
        return InputSink.IGNORE;
    }

    @Override
    public String name() {
        return "bench-fullscreen";
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
