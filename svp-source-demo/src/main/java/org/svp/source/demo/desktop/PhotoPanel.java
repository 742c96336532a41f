package org.svp.source.demo.desktop;

import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.source.demo.draw.Bitmaps;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A "photo": a smooth generated plasma image sent as DIRTY_RECT every {@link #EVERY} frames, mostly
 * RAW RGB32, and once per cycle as BGR24 and as RGB16 so servers exercise pixel conversion.
 */
final class PhotoPanel implements Panel {
    /** Frames between images. */
    static final int EVERY = 6;
    /** Frames of one format cycle. */
    static final int CYCLE = 60;
    /** Largest image side: keeps a DIRTY_RECT well under the 10 MiB message limit on big screens. */
    static final int MAX_SIDE = 1024;

    private final Window window;
    private final Rect area;

    PhotoPanel(Window window) {
        this.window = window;
        Rect cl = window.client();
        this.area = new Rect(cl.x(), cl.y(), Math.min(MAX_SIDE, cl.width()), Math.min(MAX_SIDE, cl.height()));
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void paint(OrderCanvas c) {
        c.fill(window.client(), 0x000000);
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        if (n % EVERY != 0 || area.isEmpty()) {
            return;
        }
        int t = n / EVERY;
        int w = area.width();
        int h = area.height();
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            int sy = Waves.sine(y * 3 + t * 9);
            for (int x = 0; x < w; x++) {
                int v = (Waves.sine(x * 2 + t * 13) + sy + Waves.sine((x + y) * 2 - t * 7)
                        + Waves.sine((x - y) + t * 5)) >> 2;
                int r = Waves.sine(v * 4 + t * 3);
                int g = Waves.sine(v * 4 + 341 + t * 2);
                int b = Waves.sine(v * 4 + 682);
                px[y * w + x] = r << 16 | g << 8 | b;
            }
        }
        PixelFormat format = switch (n % CYCLE) {
            case 30 -> PixelFormat.BGR24;
            case 42 -> PixelFormat.RGB16;
            default -> PixelFormat.RGB32;
        };
        c.emit(new DirtyRect(Bitmaps.raw(px, w, h, format, area.x(), area.y())));
    }
}
