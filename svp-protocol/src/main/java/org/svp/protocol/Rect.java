package org.svp.protocol;

/**
 * A rectangle on the wire: int16 x, int16 y, uint16 w, uint16 h (8 bytes).
 *
 * @param x left column (may be negative)
 * @param y top row (may be negative)
 * @param width columns, 0..65535
 * @param height rows, 0..65535
 */
public record Rect(int x, int y, int width, int height) {
    /** Wire size in bytes. */
    public static final int BYTES = 8;

    public Rect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size " + width + "x" + height);
        }
    }

    /** @return true when the rect covers no pixel */
    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** @return how many pixels it covers */
    public long area() {
        return (long) width * height;
    }

    /**
     * @param dx columns to add
     * @param dy rows to add
     * @return this rect moved by (dx, dy)
     */
    public Rect translate(int dx, int dy) {
        return new Rect(x + dx, y + dy, width, height);
    }

    /** @return one past the right column */
    public int right() {
        return x + width;
    }

    /** @return one past the bottom row */
    public int bottom() {
        return y + height;
    }

    /**
     * @param other another rect
     * @return the intersection, possibly empty (then at this rect's origin)
     */
    public Rect intersect(Rect other) {
        int l = Math.max(x, other.x);
        int t = Math.max(y, other.y);
        int r = Math.min(right(), other.right());
        int b = Math.min(bottom(), other.bottom());
        return r <= l || b <= t ? new Rect(x, y, 0, 0) : new Rect(l, t, r - l, b - t);
    }

    /**
     * This rect less another, as disjoint rects: the parts above, below, left and right of their
     * intersection (the demo desktop's visible window regions, a moved window's uncovered part).
     *
     * @param cut the rect to remove
     * @return up to four non-empty rects covering this one minus {@code cut}; this rect alone if they
     *     do not meet
     */
    public java.util.List<Rect> minus(Rect cut) {
        Rect i = intersect(cut);
        if (i.isEmpty()) {
            return isEmpty() ? java.util.List.of() : java.util.List.of(this);
        }
        java.util.List<Rect> out = new java.util.ArrayList<>(4);
        for (Rect r : new Rect[] {new Rect(x, y, width, i.y - y), new Rect(x, i.bottom(), width, bottom() - i.bottom()),
                new Rect(x, i.y, i.x - x, i.height), new Rect(i.right(), i.y, right() - i.right(), i.height)}) {
            if (!r.isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * @param other another rect
     * @return the smallest rect holding both (an empty rect adds nothing)
     */
    public Rect union(Rect other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int l = Math.min(x, other.x);
        int t = Math.min(y, other.y);
        int r = Math.max(right(), other.right());
        int b = Math.max(bottom(), other.bottom());
        return new Rect(l, t, r - l, b - t);
    }
}
