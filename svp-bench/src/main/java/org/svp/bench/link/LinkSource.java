package org.svp.bench.link;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.ScreenResize;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;

/**
 * The link benchmark's desktop: a static 1280×800 desktop on which, while animating, a 640×360 moving
 * picture (photo-like, changes every pixel) and a 560×300 terminal-like pane (scrolls a line per
 * frame, sent as pixels) change at {@link #FPS} frames/s — several times what 10 Mbit/s carries. Every
 * key press paints a {@link #MARKER}-sized square in a colour of its own ({@link #markerColour}) at
 * once, so a client can time input to screen. Runs on its own thread "svp-link-source"; input arrives on
 * svp-io and is handed over through a queue (the I/O thread never waits for the source).
 */
final class LinkSource implements DisplaySource {
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final int FPS = 15;
    static final Rect VIDEO = new Rect(40, 60, 640, 360);
    static final Rect TERMINAL = new Rect(700, 460, 560, 300);
    static final Rect MARKER = new Rect(1200, 8, 48, 32);

    private final int[] screen = new int[WIDTH * HEIGHT];
    /** A photo-like plasma of twice the moving picture's size, computed once. */
    private final int[] texture = new int[VIDEO.width() * 2 * VIDEO.height() * 2];
    private final LinkedBlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
    private volatile boolean animating;
    private volatile long lastFrameNanos;
    private int frame;
    private int marks;
    private Thread thread;

    LinkSource() {
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                screen[y * WIDTH + x] = ((x * 255 / WIDTH) << 16) | ((y * 255 / HEIGHT) << 8) | 0x70;
            }
        }
        fill(new Rect(20, 40, 680, 400), 0xE8E8E8);
        int tw = VIDEO.width() * 2;
        for (int y = 0; y < VIDEO.height() * 2; y++) {
            for (int x = 0; x < tw; x++) {
                int v = (int) (127 + 127 * Math.sin(x / 29.0) * Math.cos(y / 19.0));
                int g = (int) (127 + 120 * Math.sin((x - y) / 41.0));
                texture[y * tw + x] = (v << 16) | (g << 8) | ((x + y) & 0xFF);
            }
        }
        fill(new Rect(680, 440, 600, 340), 0x101010);
    }

    /**
     * @param n the n-th key press (from 1)
     * @return the marker's colour for it: consecutive presses always differ, never the background's
     */
    static int markerColour(int n) {
        return 0xFF0000 | ((n * 37) & 0xFF) << 8 | (n * 101) & 0xFF;
    }

    /** Starts (true) or stops (false) the moving picture and the scrolling pane. */
    void animate(boolean on) {
        animating = on;
    }

    /** @return {@link System#nanoTime()} when the last animated frame was submitted */
    long lastFrameNanos() {
        return lastFrameNanos;
    }

    /** @return a copy of the source's own picture (0xRRGGBB), what every client must end up showing */
    synchronized int[] picture() {
        return screen.clone();
    }

    @Override
    public void start(DisplaySink sink) {
        thread = Thread.ofPlatform().name("svp-link-source").daemon().start(() -> {
            try {
                sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(WIDTH, HEIGHT),
                        rect(new Rect(0, 0, WIDTH, HEIGHT)))));
                long next = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    Integer key = keys.poll(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (key != null) {
                        DirtyRect marker;
                        synchronized (this) {
                            fill(MARKER, markerColour(++marks));
                            marker = rect(MARKER);
                        }
                        sink.submit(new SourceUpdate.Draw(List.of(marker)));
                        continue;
                    }
                    next += 1_000_000_000L / FPS;
                    if (animating) {
                        List<DisplayMessage> f;
                        synchronized (this) {
                            f = animateFrame();
                        }
                        sink.submit(new SourceUpdate.Draw(f));
                        lastFrameNanos = System.nanoTime();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private List<DisplayMessage> animateFrame() {
        int n = ++frame;
        // the picture pans over a texture twice its size: every pixel changes, and the source costs little CPU
        int ox = (n * 7) % VIDEO.width();
        int oy = (n * 3) % VIDEO.height();
        for (int y = 0; y < VIDEO.height(); y++) {
            System.arraycopy(texture, (oy + y) * 2 * VIDEO.width() + ox, screen, (VIDEO.y() + y) * WIDTH + VIDEO.x(),
                    VIDEO.width());
        }
        for (int row = 0; row < TERMINAL.height() / 12; row++) {
            int line = row + n; // the pane scrolls one text line per frame
            int y0 = TERMINAL.y() + row * 12;
            fill(new Rect(TERMINAL.x(), y0, TERMINAL.width(), 12), 0x101010);
            for (int col = 0; col < TERMINAL.width() / 8 - 1; col++) {
                if (((line * 7 + col * 13) ^ (line >> 2)) % 5 != 0) {
                    fill(new Rect(TERMINAL.x() + col * 8 + 1, y0 + 2, 6, 8), (line * 31 + col) % 3 == 0 ? 0x50E050 : 0xD0D0D0);
                }
            }
        }
        List<DisplayMessage> out = new ArrayList<>();
        out.add(rect(VIDEO));
        out.add(rect(TERMINAL));
        return out;
    }

    private void fill(Rect r, int rgb) {
        for (int y = r.y(); y < r.bottom(); y++) {
            java.util.Arrays.fill(screen, y * WIDTH + r.x(), y * WIDTH + r.x() + r.width(), rgb);
        }
    }

    private DirtyRect rect(Rect r) {
        byte[] data = new byte[r.width() * r.height() * 4];
        PixelConverter.fromRgb(screen, r.y() * WIDTH + r.x(), WIDTH, r.width(), r.height(), PixelFormat.RGB32, data, 0);
        return new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, r.x(), r.y(), r.width(), r.height(), data));
    }

    @Override
    public InputSink input() {
        return new InputSink() {
            @Override
            public void keyboard(KeyboardEvent event) {
                if (event.down()) {
                    keys.add(event.scancode());
                }
            }

            @Override
            public void mouse(MouseEvent event) {
            }
        };
    }

    @Override
    public String name() {
        return "bench-link";
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
