package org.svp.server;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.render.Surface;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/** Display sources for the tests, and pixel data to feed them. */
public final class TestSources {
    private TestSources() {
    }

    /**
     * Keeps the sink the server gave a source, so the test thread can submit to it too (the sink is a
     * thread-safe queue; updates from the test go after everything the source submitted before).
     */
    abstract static class TappedSource implements DisplaySource {
        private final CompletableFuture<DisplaySink> sink = new CompletableFuture<>();

        @Override
        public void start(DisplaySink s) {
            sink.complete(s);
        }

        /** Submits one update (may block on back-pressure, as a real source's thread does). */
        void submit(SourceUpdate u) throws InterruptedException {
            sink.join().submit(u);
        }

        /**
         * Submits a marker and waits until it ran: everything submitted before is in the server's
         * framebuffer then.
         *
         * @return a copy of the server's framebuffer at the marker
         */
        Surface applied() throws Exception {
            CompletableFuture<Surface> frame = new CompletableFuture<>();
            submit(new SourceUpdate.Marker((w, h, argb) -> frame.complete(copy(w, h, argb))));
            return TestServers.get(frame, "the marker to run");
        }
    }

    /**
     * A source driven by the test: the test thread is the source thread and submits updates itself.
     * Client input is recorded.
     */
    static final class ScriptedSource extends TappedSource {
        /** Every keyboard and mouse event the server handed over, in order. */
        final LinkedBlockingQueue<Message> input = new LinkedBlockingQueue<>();

        @Override
        public InputSink input() {
            return new InputSink() {
                @Override
                public void keyboard(KeyboardEvent event) {
                    input.add(event);
                }

                @Override
                public void mouse(MouseEvent event) {
                    input.add(event);
                }
            };
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void close() {
        }

        /** Submits the orders as one Draw update. */
        void draw(DisplayMessage... orders) throws InterruptedException {
            submit(new SourceUpdate.Draw(List.of(orders)));
        }
    }

    /** Wraps a source and taps its sink (see {@link TappedSource}). */
    static final class Tapped extends TappedSource {
        private final DisplaySource inner;

        Tapped(DisplaySource inner) {
            this.inner = inner;
        }

        @Override
        public void start(DisplaySink s) {
            super.start(s);
            inner.start(s);
        }

        @Override
        public InputSink input() {
            return inner.input();
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /**
     * The demo desktop with a marker that captures the server's framebuffer when the script ends.
     *
     * @param demo the source
     * @param finished completes with a copy of the server's framebuffer after the last frame
     */
    record Demo(DemoDisplaySource demo, CompletableFuture<Surface> finished) {
        static Demo of(int width, int height, int frames, int fps) {
            DemoDisplaySource demo = new DemoDisplaySource(new DemoOptions(width, height, frames, fps));
            CompletableFuture<Surface> finished = new CompletableFuture<>();
            demo.onScriptFinished((w, h, argb) -> finished.complete(copy(w, h, argb)));
            return new Demo(demo, finished);
        }

        /** @return the framebuffer the server had when the script finished */
        Surface awaitFinished() throws Exception {
            return TestServers.get(finished, "the demo script to finish");
        }
    }

    static Surface copy(int w, int h, int[] argb) {
        Surface s = new Surface(w, h);
        for (int i = 0; i < w * h; i++) {
            s.pixels()[i] = argb[i] & 0xFFFFFF;
        }
        return s;
    }

    /**
     * @return {@code px} ({@code 0x00RRGGBB}, row-major) as a RAW RGB32 bitmap placed at (x, y)
     */
    static Bitmap rgb32(int x, int y, int w, int h, int[] px) {
        byte[] data = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            data[4 * i] = (byte) px[i];
            data[4 * i + 1] = (byte) (px[i] >> 8);
            data[4 * i + 2] = (byte) (px[i] >> 16);
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, data);
    }

    /** @return pseudo-random (incompressible) pixels, the same for the same seed */
    static int[] noise(int w, int h, long seed) {
        int[] px = new int[w * h];
        long s = seed * 0x9E3779B97F4A7C15L + 1;
        for (int i = 0; i < px.length; i++) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            px[i] = (int) s & 0xFFFFFF;
        }
        return px;
    }

    /** @return a smooth gradient (compresses well) that depends on {@code phase} */
    static int[] gradient(int w, int h, int phase) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = ((x + phase) & 0xFF) << 16 | ((y * 3 + phase) & 0xFF) << 8 | (phase * 7 & 0xFF);
            }
        }
        return px;
    }

    /** @return a DIRTY_RECT of noise */
    public static DirtyRect noiseRect(int x, int y, int w, int h, long seed) {
        return new DirtyRect(rgb32(x, y, w, h, noise(w, h, seed)));
    }

    /** @return a bitmap hash made of {@code b} repeated */
    static BitmapHash hash(int b) {
        byte[] bytes = new byte[BitmapHash.BYTES];
        java.util.Arrays.fill(bytes, (byte) b);
        bytes[0] = (byte) 0xA5;
        return BitmapHash.of(bytes);
    }
}
