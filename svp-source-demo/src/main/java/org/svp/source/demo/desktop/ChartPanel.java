package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Polyline;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A live chart: every other frame it clears the plot (SOLID_RECT), draws axes and grid with LINE
 * (R2_COPYPEN), the data as a 17-vertex POLYLINE, an ELLIPSE outline (fill_mode 0) around the newest
 * point and a pulsing filled ELLIPSE (fill_mode 1). A "rubber band" LINE in R2_XORPEN is drawn each
 * frame and undrawn by XOR-ing it again on the next one.
 */
final class ChartPanel implements Panel {
    private static final int PAD = 6;
    private static final int BG = 0x101828;
    private static final int VERTICES = 17;

    private final Window window;
    private final Rect plot;
    /** The rubber band on screen now: x1, y1, x2, y2; null if none. */
    private int[] band;

    ChartPanel(Window window) {
        this.window = window;
        Rect cl = window.client();
        this.plot = new Rect(cl.x() + PAD, cl.y() + PAD, Math.max(0, cl.width() - 2 * PAD),
                Math.max(0, cl.height() - 2 * PAD));
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void paint(OrderCanvas c) {
        c.fill(window.client(), BG);
    }

    private static int value(int k) {
        return (Waves.sine(k * 37) + Waves.sine(k * 91 + 200) + 2 * Waves.sine(k * 11)) / 4;
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        if (plot.width() < 40 || plot.height() < 40) {
            return;
        }
        int l = plot.x();
        int t = plot.y();
        int r = plot.right() - 1;
        int b = plot.bottom() - 1;
        if (band != null) {
            c.line(band[0], band[1], band[2], band[3], OrderCanvas.R2_XORPEN, 0xFFFFFF);
            band = null;
        }
        if (n % 2 == 0) {
            c.fill(window.client(), BG);
            for (int i = 1; i < 4; i++) {
                int gy = t + i * (b - t) / 4;
                c.line(l, gy, r, gy, OrderCanvas.R2_COPYPEN, 0x283850);
            }
            c.line(l, t, l, b, OrderCanvas.R2_COPYPEN, 0xA0A0A0);
            c.line(l, b, r, b, OrderCanvas.R2_COPYPEN, 0xA0A0A0);
            int k0 = n / 2;
            int innerH = plot.height() - 12;
            List<Point> pts = new ArrayList<>();
            for (int i = 0; i < VERTICES; i++) {
                int x = l + 2 + i * (plot.width() - 4 - 1) / (VERTICES - 1);
                int y = b - 6 - value(k0 + i) * (innerH - 1) / 255;
                pts.add(new Point(x, y));
            }
            c.emit(new Polyline(pts.getFirst(), OrderCanvas.R2_COPYPEN, 0x40FF60, pts.subList(1, VERTICES)));
            Point last = pts.getLast();
            c.ellipse(last.x() - 5, last.y() - 5, 11, 11, false, 0xFFD040);
            int d = 6 + 2 * Waves.triangle(k0, 5);
            c.ellipse(r - 24 - d / 2, t + 14 - d / 2, d, d, true, 0xE04060);
        }
        int x2 = l + Waves.triangle(n * 7, plot.width() - 1);
        int y2 = b - Waves.triangle(n * 5, plot.height() - 1);
        band = new int[] {l + plot.width() / 2, t + plot.height() / 2, x2, y2};
        c.line(band[0], band[1], band[2], band[3], OrderCanvas.R2_XORPEN, 0xFFFFFF);
    }
}
