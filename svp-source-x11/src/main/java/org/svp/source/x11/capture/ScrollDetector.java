package org.svp.source.x11.capture;

import java.util.Arrays;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;
import org.svp.render.Surface;

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
    /** {@link #nowRowHashes}: the row equals no row of the previous frame that was compared. */
    static final int NO_MATCH = Integer.MIN_VALUE;
    /** Rows of the column-hash pre-check (a horizontal shift is looked for on these first). */
    static final int SAMPLE_ROWS = 16;
    /** The multiplier of {@link LineShift#mix}. */
    private static final long K = 0x9E3779B97F4A7C15L;

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
        if (!worthSearching(r)) {
            return null;
        }
        long[] b = rowHashes(before, stride, r, new long[r.height()]);
        return detect(now, before, stride, r, b, nowRowHashes(now, before, stride, r, b, new long[r.height()]));
    }

    /** @return whether {@code r} is big enough to look for scrolling in */
    static boolean worthSearching(Rect r) {
        return r.width() >= MIN_SIDE && r.height() >= MIN_SIDE;
    }

    /**
     * As {@link #detect(int[], int[], int, Rect)} with the row hashes already known (the previous
     * frame's usually come from {@link RowHashCache}).
     *
     * @param beforeRows {@link #rowHash} of each row of {@code r} in {@code before}
     * @param nowRows the same in {@code now}, from {@link #nowRowHashes}
     */
    static ScreenBlt detect(int[] now, int[] before, int stride, Rect r, long[] beforeRows, long[] nowRows) {
        if (!worthSearching(r) || Arrays.equals(nowRows, beforeRows)) {
            // nowRowHashes gives an unchanged row its previous hash, so equal arrays are (up to a hash
            // collision, which only costs bytes) an unchanged rectangle: nothing scrolled either way
            return null;
        }
        LineShift v = LineShift.find(nowRows, beforeRows);
        if (v != null) {
            return new ScreenBlt(new Rect(r.x(), r.y() + v.start(), r.width(), v.length()),
                    r.x(), r.y() + v.start() + v.offset(), ROP_SRCCOPY);
        }
        // horizontal: first on a few rows (a shift of the whole columns shows on them too), the full
        // column hashes only if those suggest one
        int step = r.height() / SAMPLE_ROWS;
        if (step > 1 && LineShift.find(columnHashes(now, stride, r, step), columnHashes(before, stride, r, step)) == null) {
            return null;
        }
        LineShift h = LineShift.find(columnHashes(now, stride, r, 1), columnHashes(before, stride, r, 1));
        if (h != null) {
            return new ScreenBlt(new Rect(r.x() + h.start(), r.y(), h.length(), r.height()),
                    r.x() + h.start() + h.offset(), r.y(), ROP_SRCCOPY);
        }
        return null;
    }

    /**
     * Row hashes of {@code now} over {@code r}, taking the previous frame's hash for rows that did not
     * change (one vectorised compare instead of a hash).
     *
     * @param beforeRows the row hashes of {@code before} over {@code r}
     * @param out receives {@code r.height()} hashes
     * @return {@code out}
     */
    static long[] nowRowHashes(int[] now, int[] before, int stride, Rect r, long[] beforeRows, long[] out) {
        return nowRowHashes(now, before, stride, r, 0, beforeRows, out, new int[r.height()]);
    }

    /**
     * @return the first row of {@code r} (0-based) that differs between the frames, or -1: a damaged
     *     rectangle whose pixels did not change needs no row hashes at all
     */
    static int firstChangedRow(int[] now, int[] before, int stride, Rect r) {
        int w = r.width();
        for (int i = 0; i < r.height(); i++) {
            int o = (r.y() + i) * stride + r.x();
            if (Arrays.mismatch(now, o, o + w, before, o, o + w) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Row hashes of {@code now} over {@code r} (the same values as {@link #rowHash} of each row), hashing
     * only rows that equal no row of {@code before} found so far: a row equal to the same row of
     * {@code before}, or to the row at the offset the last moved row was found at (a scroll moves many
     * rows by one offset), takes that row's hash after one vectorised compare. The first moved row is
     * hashed and looked up in {@code before}'s hashes; its offset becomes the guess for the next rows.
     * Every reuse is an exact pixel compare, so {@code match} may be trusted by the tile diff.
     *
     * @param from rows of {@code r} above this one are known equal in both frames
     *     ({@link #firstChangedRow}); 0 if nothing is known
     * @param beforeRows the row hashes of {@code before} over {@code r}
     * @param out receives {@code r.height()} hashes
     * @param match receives per row the offset {@code d} at which it was compared equal to row
     *     {@code i + d} of {@code before} (0: unchanged), or {@link #NO_MATCH}
     * @return {@code out}
     */
    static long[] nowRowHashes(int[] now, int[] before, int stride, Rect r, int from, long[] beforeRows, long[] out,
            int[] match) {
        int w = r.width();
        int h = r.height();
        int guess = NO_MATCH;
        LineIndex index = null;
        System.arraycopy(beforeRows, 0, out, 0, from);
        Arrays.fill(match, 0, from, 0);
        for (int i = from; i < h; i++) {
            int o = (r.y() + i) * stride + r.x();
            if (Arrays.mismatch(now, o, o + w, before, o, o + w) < 0) {
                out[i] = beforeRows[i];
                match[i] = 0;
                continue;
            }
            if (guess != NO_MATCH && i + guess >= 0 && i + guess < h) {
                int b = o + guess * stride;
                if (Arrays.mismatch(now, o, o + w, before, b, b + w) < 0) {
                    out[i] = beforeRows[i + guess];
                    match[i] = guess;
                    continue;
                }
            }
            out[i] = rowHash(now, o, w);
            match[i] = NO_MATCH;
            if (index == null) {
                index = new LineIndex(beforeRows);
            }
            int j = index.unique(out[i]);
            if (j >= 0 && j != i) {
                int b = o + (j - i) * stride;
                if (Arrays.mismatch(now, o, o + w, before, b, b + w) < 0) {
                    guess = j - i;
                    match[i] = guess;
                }
            }
        }
        return out;
    }

    /**
     * @param out receives one {@link #rowHash} per row of {@code r}
     * @return {@code out}
     */
    static long[] rowHashes(int[] px, int stride, Rect r, long[] out) {
        for (int y = 0; y < r.height(); y++) {
            out[y] = rowHash(px, (r.y() + y) * stride + r.x(), r.width());
        }
        return out;
    }

    /**
     * A 64-bit hash of {@code w} pixels from {@code px[o]}: four independent multiply chains, each
     * taking two pixels per step, so the multiplies overlap in the CPU instead of waiting for each
     * other (one chain over the row, one pixel per multiply, cost several times more).
     */
    static long rowHash(int[] px, int o, int w) {
        long h0 = 0;
        long h1 = 1;
        long h2 = 2;
        long h3 = 3;
        int x = 0;
        for (; x + 8 <= w; x += 8) {
            int i = o + x;
            h0 = (h0 ^ ((long) px[i] << 32 | px[i + 1] & 0xFFFFFFFFL)) * K;
            h1 = (h1 ^ ((long) px[i + 2] << 32 | px[i + 3] & 0xFFFFFFFFL)) * K;
            h2 = (h2 ^ ((long) px[i + 4] << 32 | px[i + 5] & 0xFFFFFFFFL)) * K;
            h3 = (h3 ^ ((long) px[i + 6] << 32 | px[i + 7] & 0xFFFFFFFFL)) * K;
        }
        for (; x < w; x++) {
            h0 = LineShift.mix(h0, px[o + x]);
        }
        long h = (h0 ^ Long.rotateLeft(h1, 16)) * K;
        h = (h ^ Long.rotateLeft(h2, 32)) * K;
        h = (h ^ Long.rotateLeft(h3, 48)) * K;
        return h ^ h >>> 29;
    }

    /** @param step hash every {@code step}-th row only */
    private static long[] columnHashes(int[] px, int stride, Rect r, int step) {
        long[] out = new long[r.width()];
        for (int y = 0; y < r.height(); y += step) {
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
        Surface.copyWithin(px, stride, blt.rect(), blt.srcX(), blt.srcY());
    }
}
