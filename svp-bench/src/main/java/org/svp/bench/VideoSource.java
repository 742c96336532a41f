package org.svp.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.svp.codec.pixel.PixelConverter;
import org.svp.codec.sample.MovingPicture;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;

/**
 * The video benchmark's desktop: a still screen with a {@link MovingPicture} playing in a window at a
 * fixed frame rate, as a video player redraws its picture rectangle every frame. The frames (a cycle of
 * {@link #CYCLE}) are prepared before the run; each is converted to a RAW RGB32 bitmap as it is sent,
 * which is what a capture hands over.
 * Paced on its own thread "svp-bench-source" against absolute deadlines (no drift).
 */
final class VideoSource implements DisplaySource {
    /** Distinct frames prepared; frame n shows {@code MovingPicture} frame n mod CYCLE. */
    static final int CYCLE = 50;

    private final int screenW;
    private final int screenH;
    private final Rect picture;
    private final double fps;
    private final int[][] frames = new int[CYCLE][];
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long submitted;
    private volatile boolean stop;
    private Thread thread;

    VideoSource(int screenW, int screenH, Rect picture, double fps) {
        this.screenW = screenW;
        this.screenH = screenH;
        this.picture = picture;
        this.fps = fps;
        for (int i = 0; i < CYCLE; i++) {
            frames[i] = MovingPicture.frame(picture.width(), picture.height(), i);
        }
    }

    /** @return the pixels of the source's {@code n}-th frame ({@code MovingPicture} frame n mod CYCLE); read-only */
    int[] expected(long n) {
        return frames[(int) (n % CYCLE)];
    }

    /** @return frame {@code n} as the RAW RGB32 bitmap a capture hands over */
    private Bitmap bitmap(long n) {
        byte[] out = new byte[picture.width() * picture.height() * 4];
        PixelConverter.fromRgb(expected(n), 0, picture.width(), picture.width(), picture.height(), PixelFormat.RGB32,
                out, 0);
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, picture.x(), picture.y(), picture.width(), picture.height(),
                out);
    }

    /** @return frames handed to the server so far */
    long submitted() {
        return submitted;
    }

    @Override
    public void start(DisplaySink sink) {
        thread = new Thread(() -> {
            try {
                sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(screenW, screenH),
                        new SolidRect(new Rect(0, 0, screenW, screenH), 0x2D4F6C),
                        new SolidRect(new Rect(picture.x() - 4, picture.y() - 28, picture.width() + 8,
                                picture.height() + 32), 0xE0E0E0))));
                go.await();
                long period = (long) (1e9 / fps);
                long next = System.nanoTime();
                for (long n = 0; !stop; n++) {
                    Bitmap b = bitmap(n);
                    sink.submit(new SourceUpdate.Draw(List.of(new DirtyRect(b)), System.nanoTime()));
                    submitted = n + 1;
                    next += period;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "svp-bench-source");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts the picture (once the measuring client is connected). */
    void go() {
        go.countDown();
    }

    @Override
    public InputSink input() {
        return InputSink.IGNORE;
    }

    @Override
    public String name() {
        return "video benchmark";
    }

    @Override
    public void close() {
        stop = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
