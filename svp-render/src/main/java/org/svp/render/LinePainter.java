package org.svp.render;

import java.util.List;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;

/**
 * LINE and POLYLINE (protocol.md §4): Bresenham lines with GDI {@code LineTo} semantics, i.e. the end
 * point is not drawn, so in a polyline every vertex but the last is drawn exactly once and an XOR
 * polyline does not erase its own joints. Each pixel gets {@code Rop2(mix, pen, D)}. The LINE bounding
 * box on the wire is informational and not used.
 *
 * <p>Stateless; called by {@link OrderRenderer} on its thread. Methods return the damage.
 */
final class LinePainter {
    private LinePainter() {
    }

    /** Draws (x1, y1) → (x2, y2), end point excluded. */
    static Rect line(Canvas c, int x1, int y1, int x2, int y2, int mix, int pen) {
        DamageBox damage = new DamageBox();
        segment(c, x1, y1, x2, y2, Rop2.op(mix), pen & 0xFFFFFF, damage);
        return damage.toRect();
    }

    /** Draws start → points[0] → points[1] → …, each segment's end point excluded. */
    static Rect polyline(Canvas c, Point start, List<Point> points, int mix, int pen) {
        DamageBox damage = new DamageBox();
        Rop3.Op op = Rop2.op(mix);
        Point from = start;
        for (Point to : points) {
            segment(c, from.x(), from.y(), to.x(), to.y(), op, pen & 0xFFFFFF, damage);
            from = to;
        }
        return damage.toRect();
    }

    private static void segment(Canvas c, int x1, int y1, int x2, int y2, Rop3.Op op, int pen, DamageBox damage) {
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        int dx = Math.abs(x2 - x1);
        int dy = -Math.abs(y2 - y1);
        int sx = x1 < x2 ? 1 : -1;
        int sy = y1 < y2 ? 1 : -1;
        int err = dx + dy;
        int x = x1;
        int y = y1;
        while (x != x2 || y != y2) {
            if (c.visible(x, y)) {
                int i = y * stride + x;
                px[i] = op.apply(pen, 0, px[i]);
                damage.add(x, y);
            }
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }
}
