package org.svp.render;

import org.svp.protocol.Rect;

/**
 * Grows to hold every pixel a painter touched, for orders whose damage is not a rect known in advance
 * (lines, ellipses, text). Created per order on the renderer's thread.
 */
final class DamageBox {
    private int minX = Integer.MAX_VALUE;
    private int minY = Integer.MAX_VALUE;
    private int maxX = Integer.MIN_VALUE;
    private int maxY = Integer.MIN_VALUE;

    /** Adds one pixel. */
    void add(int x, int y) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
    }

    /** Adds the pixels {@code [x0, x1)} of row {@code y}. */
    void addSpan(int y, int x0, int x1) {
        add(x0, y);
        add(x1 - 1, y);
    }

    /** Adds a rect (nothing for an empty one). */
    void add(Rect r) {
        if (!r.isEmpty()) {
            add(r.x(), r.y());
            add(r.right() - 1, r.bottom() - 1);
        }
    }

    /** @return the box, or {@link Canvas#EMPTY} when nothing was added */
    Rect toRect() {
        return minX > maxX ? Canvas.EMPTY : new Rect(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }
}
