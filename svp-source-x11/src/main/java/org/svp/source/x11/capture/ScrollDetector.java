package org.svp.source.x11.capture;

import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

/**
 * Finds vertical or horizontal scrolling inside one damaged rectangle by matching line hashes of the
 * new frame against the previous frame, and turns it into a SCREEN_BLT (SRCCOPY). A wrong guess costs
 * bytes only, never correctness: the tiles are compared with the shifted previous frame afterwards.
 * Thread: "svp-x11".
 */
final class ScrollDetector {
    /** SRCCOPY. */
    static final int ROP_SRCCOPY = 0xCC;
    /** Rectangles narrower or lower than this are not searched. */
    static final int MIN_SIDE = 32;

    private ScrollDetector() {
    }

    /**
     * @param now the new frame (valid inside {@code r})
     * @param before the previous frame (what clients show)
     * @param stride pixels per row of both
     * @param r a damaged rectangle inside the screen
     * @return a SCREEN_BLT inside {@code r}, or null if nothing scrolled
     */
    static ScreenBlt detect(int[] now, int[] before, int stride, Rect r) {
        if (r.width() < MIN_SIDE || r.height() < MIN_SIDE) {
            return null;
        }
        LineShift v = LineShift.find(rowHashes(now, stride, r), rowHashes(before, stride, r));
        if (v != null) {
            return new ScreenBlt(new Rect(r.x(), r.y() + v.start(), r.width(), v.length()),
                    r.x(), r.y() + v.start() + v.offset(), ROP_SRCCOPY);
        }
        LineShift h = LineShift.find(columnHashes(now, stride, r), columnHashes(before, stride, r));
        if (h != null) {
            return new ScreenBlt(new Rect(r.x() + h.start(), r.y(), h.length(), r.height()),
                    r.x() + h.start() + h.offset(), r.y(), ROP_SRCCOPY);
        }
        return null;
    }

    private static long[] rowHashes(int[] px, int stride, Rect r) {
        long[] out = new long[r.height()];
        for (int y = 0; y < r.height(); y++) {
            long h = 0;
            int o = (r.y() + y) * stride + r.x();
            for (int x = 0; x < r.width(); x++) {
                h = LineShift.mix(h, px[o + x]);
            }
            out[y] = h;
        }
        return out;
    }

    private static long[] columnHashes(int[] px, int stride, Rect r) {
        long[] out = new long[r.width()];
        for (int y = 0; y < r.height(); y++) {
            int o = (r.y() + y) * stride + r.x();
            for (int x = 0; x < r.width(); x++) {
                out[x] = LineShift.mix(out[x], px[o + x]);
            }
        }
        return out;
    }

    /**
     * Applies a SCREEN_BLT (SRCCOPY) to a frame, as a client does: the source is read first.
     *
     * @param blt the copy
     * @param px the frame
     * @param stride pixels per row
     */
    static void apply(ScreenBlt blt, int[] px, int stride) {
        Rect d = blt.rect();
        boolean bottomUp = blt.srcY() < d.y();
        for (int k = 0; k < d.height(); k++) {
            int row = bottomUp ? d.height() - 1 - k : k;
            System.arraycopy(px, (blt.srcY() + row) * stride + blt.srcX(), px, (d.y() + row) * stride + d.x(),
                    d.width());
        }
    }
}
