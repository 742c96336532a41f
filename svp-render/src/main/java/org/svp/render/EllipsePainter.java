package org.svp.render;

import org.svp.protocol.Point;
import org.svp.protocol.Rect;

/**
 * ELLIPSE (protocol.md §4): the ellipse inscribed in the box {@code [min x, max x) × [min y, max y)}
 * of the two corner points (GDI's inclusive-exclusive box), outline only ({@code fill_mode} 0) or
 * filled including the outline, each pixel combined with {@code Rop2(mix, pen, D)} exactly once — so an
 * XOR ellipse drawn twice leaves no trace.
 *
 * <p>The shape is computed one row at a time: row {@code y} covers the pixel centres within the
 * ellipse through the box's edge pixels (centre {@code ((x0 + x1 - 1) / 2, (y0 + y1 - 1) / 2)}, semi-axes
 * {@code (w - 1) / 2}, {@code (h - 1) / 2}), which is symmetric both ways. The outline of a row is the
 * part of its span that sticks out beyond the narrower neighbour row (the whole span for the top and
 * bottom rows), so the outline is connected and no pixel is drawn twice. This is the scan-line form
 * of the midpoint algorithm, with the decision made in floating point per row.
 *
 * <p>Stateless; called by {@link OrderRenderer} on its thread.
 */
final class EllipsePainter {
    /** Keeps an exact half-pixel from rounding outwards (e.g. the two centre pixels of an even row). */
    private static final double EPSILON = 1e-9;

    private EllipsePainter() {
    }

    /** @return the damage */
    static Rect ellipse(Canvas c, Point p1, Point p2, int mix, boolean filled, int pen) {
        int x0 = Math.min(p1.x(), p2.x());
        int x1 = Math.max(p1.x(), p2.x());
        int y0 = Math.min(p1.y(), p2.y());
        int y1 = Math.max(p1.y(), p2.y());
        DamageBox damage = new DamageBox();
        if (x1 <= x0 || y1 <= y0) {
            return damage.toRect();
        }
        Shape shape = new Shape(x0, x1, y0, y1);
        Rop3.Op op = Rop2.op(mix);
        int colour = pen & 0xFFFFFF;
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        Canvas.SpanAction plot = (y, s, e) -> {
            for (int i = y * stride + s, end = y * stride + e; i < end; i++) {
                px[i] = op.apply(colour, 0, px[i]);
            }
            damage.addSpan(y, s, e);
        };
        int first = Math.max(y0, 0);
        int last = Math.min(y1, c.surface().height());
        for (int y = first; y < last; y++) {
            int inset = shape.inset(y);
            int left = x0 + inset;
            int right = x1 - 1 - inset;
            if (filled || y == y0 || y == y1 - 1) {
                c.forEachSpan(y, left, right + 1, plot);
                continue;
            }
            int narrower = Math.max(shape.inset(y - 1), shape.inset(y + 1));
            int leftEnd = Math.min(right, Math.max(left, x0 + narrower - 1));
            int rightStart = Math.max(left, Math.min(right, x1 - 1 - narrower + 1));
            if (leftEnd + 1 >= rightStart) {
                c.forEachSpan(y, left, right + 1, plot);
            } else {
                c.forEachSpan(y, left, leftEnd + 1, plot);
                c.forEachSpan(y, rightStart, right + 1, plot);
            }
        }
        return damage.toRect();
    }

    /** The row spans of one ellipse. */
    private record Shape(int x0, int x1, int y0, int y1) {
        /**
         * @return how many pixels row {@code y} (inside the box) leaves out on each side
         */
        int inset(int y) {
            double a = (x1 - x0 - 1) / 2.0;
            double b = (y1 - y0 - 1) / 2.0;
            double cy = (y0 + y1 - 1) / 2.0;
            if (b <= 0) {
                return 0;
            }
            double t = (y - cy) / b;
            double half = a * Math.sqrt(Math.max(0.0, 1.0 - t * t));
            return (int) Math.floor(a - half + 0.5 - EPSILON);
        }
    }
}
