package org.svp.source.x11.capture;

import org.svp.protocol.Rect;

/**
 * {@link SegmentHashes#rowHash} of the shown frame's rows, remembered per screen row for up to
 * {@value #WAYS} column ranges, so scroll detection hashes the previous frame only where it changed.
 * After a diff the shown frame equals the new frame in every damaged tile, so the new frame's row
 * hashes of a damaged rectangle are the next capture's "before" hashes: a terminal scrolling in place
 * costs one hash per row and capture instead of two. Several ranges per row because damaged
 * rectangles side by side share rows — on the shared workload a terminal, a slideshow beside it and a
 * clock: with one range per row each evicted the other's every capture, and 84 % of the rows looked up
 * were hashed again. Whoever changes the shown frame calls {@link #invalidate}. Thread: "svp-x11".
 */
final class RowHashCache {
    /** Column ranges remembered per row. */
    static final int WAYS = 4;
    private final long[] hash;
    private final int[] left;
    /** Columns the entry's hash covers; 0: the entry is empty. */
    private final int[] width;
    /** Per row, the way the next new range takes when none is empty (round robin). */
    private final byte[] victim;
    /** The segments the hashes of rows not remembered here are made of. */
    private final SegmentHashes segments;

    /**
     * @param columns screen columns
     * @param height screen rows
     */
    RowHashCache(int columns, int height) {
        segments = new SegmentHashes(columns, height);
        hash = new long[height * WAYS];
        left = new int[height * WAYS];
        width = new int[height * WAYS];
        victim = new byte[height];
    }

    /**
     * The row hashes of {@code shown} over {@code r}, from the cache where valid; computed (and
     * remembered) elsewhere.
     *
     * @param out receives {@code r.height()} hashes
     * @return {@code out}
     */
    long[] rows(int[] shown, int stride, Rect r, long[] out) {
        for (int i = 0; i < r.height(); i++) {
            int y = r.y() + i;
            int e = find(y, r.x(), r.width());
            if (e >= 0) {
                out[i] = hash[e];
            } else {
                out[i] = segments.shown(shown, stride, y, r.x(), r.width());
                store(y, r.x(), r.width(), out[i]);
            }
        }
        return out;
    }

    /**
     * Remembers row hashes of what the shown frame holds over {@code r} now.
     *
     * @param hashes {@code r.height()} hashes
     */
    void put(Rect r, long[] hashes) {
        for (int i = 0; i < r.height(); i++) {
            int y = r.y() + i;
            int e = find(y, r.x(), r.width());
            if (e >= 0) {
                hash[e] = hashes[i];
            } else {
                store(y, r.x(), r.width(), hashes[i]);
            }
        }
    }

    /** @return the segment hashes of the shown frame, for the scroll search and the diff's end */
    SegmentHashes segments() {
        return segments;
    }

    /** Forgets the hashes of rows whose cached columns overlap {@code changed}, and its segments. */
    void invalidate(Rect changed) {
        segments.invalidate(changed);
        int bottom = Math.min(changed.bottom(), victim.length);
        for (int y = Math.max(0, changed.y()); y < bottom; y++) {
            for (int e = y * WAYS, end = e + WAYS; e < end; e++) {
                if (width[e] != 0 && left[e] < changed.right() && changed.x() < left[e] + width[e]) {
                    width[e] = 0;
                }
            }
        }
    }

    /** @return the entry of row {@code y} for columns [x, x + w), or -1 */
    private int find(int y, int x, int w) {
        for (int e = y * WAYS, end = e + WAYS; e < end; e++) {
            if (width[e] == w && left[e] == x) {
                return e;
            }
        }
        return -1;
    }

    /**
     * Remembers a range's hash in an empty way of the row, else in one overlapping the range (a rectangle
     * of a new shape over the same columns: the old one's hash is stale for what it shares), else the
     * row's round-robin victim.
     */
    private void store(int y, int x, int w, long h) {
        int base = y * WAYS;
        int e = -1;
        for (int k = base; k < base + WAYS && e < 0; k++) {
            if (width[k] == 0) {
                e = k;
            }
        }
        for (int k = base; k < base + WAYS && e < 0; k++) {
            if (left[k] < x + w && x < left[k] + width[k]) {
                e = k;
            }
        }
        if (e < 0) {
            e = base + victim[y];
            victim[y] = (byte) ((victim[y] + 1) % WAYS);
        }
        hash[e] = h;
        left[e] = x;
        width[e] = w;
    }
}
