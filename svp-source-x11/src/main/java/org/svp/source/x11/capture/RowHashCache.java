package org.svp.source.x11.capture;

import org.svp.protocol.Rect;

/**
 * {@link ScrollDetector#rowHash} of the shown frame's rows, remembered per screen row for one column
 * range, so scroll detection hashes the previous frame only where it changed. After a diff the shown
 * frame equals the new frame in every damaged tile, so the new frame's row hashes of a damaged
 * rectangle are the next capture's "before" hashes: a terminal scrolling in place costs one hash per
 * row and capture instead of two. Whoever changes the shown frame calls {@link #invalidate}.
 * Thread: "svp-x11".
 */
final class RowHashCache {
    private final long[] hash;
    private final int[] left;
    /** Columns the row's hash covers; 0: nothing cached for that row. */
    private final int[] width;

    /** @param height screen rows */
    RowHashCache(int height) {
        hash = new long[height];
        left = new int[height];
        width = new int[height];
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
            if (width[y] == r.width() && left[y] == r.x()) {
                out[i] = hash[y];
            } else {
                out[i] = ScrollDetector.rowHash(shown, y * stride + r.x(), r.width());
                hash[y] = out[i];
                left[y] = r.x();
                width[y] = r.width();
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
            hash[y] = hashes[i];
            left[y] = r.x();
            width[y] = r.width();
        }
    }

    /** Forgets the hashes of rows whose cached columns overlap {@code changed}. */
    void invalidate(Rect changed) {
        int bottom = Math.min(changed.bottom(), hash.length);
        for (int y = Math.max(0, changed.y()); y < bottom; y++) {
            if (width[y] != 0 && left[y] < changed.right() && changed.x() < left[y] + width[y]) {
                width[y] = 0;
            }
        }
    }
}
