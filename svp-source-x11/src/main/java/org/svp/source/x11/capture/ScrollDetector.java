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

    private ScrollDetector() {
    }

    /** @return whether {@code r} is big enough to look for scrolling in */
    static boolean worthSearching(Rect r) {
        return r.width() >= MIN_SIDE && r.height() >= MIN_SIDE;
    }

    /**
     * Finds vertical or horizontal scrolling inside {@code r} from the row hashes of both frames.
     *
     * @param now the new frame (valid inside {@code r})
     * @param before the previous frame (what clients show)
     * @param stride pixels per row of both
     * @param r a damaged rectangle inside the screen
     * @param beforeRows {@link SegmentHashes#rowHash} of each row of {@code r} in {@code before} (from
     *     {@link RowHashCache})
     * @param nowRows the same in {@code now}, from {@link #nowRowHashes}
     * @return a SCREEN_BLT inside {@code r}, or null if nothing scrolled
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
     * Row hashes of {@code now} over {@code r} (the same values as {@link SegmentHashes#rowHash} of each row), hashing
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
     * @param segments notes each row's segment hashes (hashed, or those of the row it equals) for the
     *     end of the diff, when the shown frame equals {@code now} over {@code r}
     * @return {@code out}
     */
    static long[] nowRowHashes(int[] now, int[] before, int stride, Rect r, int from, long[] beforeRows, long[] out,
            int[] match, SegmentHashes segments) {
        int w = r.width();
        int h = r.height();
        int guess = NO_MATCH;
        LineIndex index = null;
        System.arraycopy(beforeRows, 0, out, 0, from);
        Arrays.fill(match, 0, from, 0);
        for (int i = 0; i < from; i++) {
            segments.recordCopy(r.y() + i, r.y() + i, r.x(), w);
        }
        for (int i = from; i < h; i++) {
            int y = r.y() + i;
            int o = y * stride + r.x();
            if (Arrays.mismatch(now, o, o + w, before, o, o + w) < 0) {
                out[i] = beforeRows[i];
                match[i] = 0;
                segments.recordCopy(y, y, r.x(), w);
                continue;
            }
            if (guess != NO_MATCH && i + guess >= 0 && i + guess < h) {
                int b = o + guess * stride;
                if (Arrays.mismatch(now, o, o + w, before, b, b + w) < 0) {
                    out[i] = beforeRows[i + guess];
                    match[i] = guess;
                    segments.recordCopy(y, y + guess, r.x(), w);
                    continue;
                }
            }
            out[i] = segments.recordRow(now, stride, y, r.x(), w);
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
