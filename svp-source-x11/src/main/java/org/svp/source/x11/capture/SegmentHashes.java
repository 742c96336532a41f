package org.svp.source.x11.capture;

import org.svp.protocol.Rect;

/**
 * The row hash of scroll detection, built from 64-column segments aligned to the screen, and the shown
 * frame's segment hashes remembered per screen row and segment. {@link RowHashCache} remembers whole
 * rows of a rectangle, which helps only while the next capture's rectangle has the same columns; a
 * window moving over a scrolling terminal changes the terminal's visible width every capture, and then
 * every row of the shown frame was hashed again (112 of 157 Mpx looked up in a 30 s Xvfb run of the
 * shared workload; rowHash was 10 % of the server process). With the segments remembered, a row of new
 * columns costs only its two partial segments at the ends, and one of those is remembered too.
 * Thread: "svp-x11".
 *
 * <p>The shown frame's segments are remembered when they are hashed, and from the new frame when a
 * diff ends ({@link #commit}): what {@link #recordRow} and {@link #recordCopy} noted during the scroll
 * search of the rectangles, each of which the shown frame equals after the diff. Whoever changes the
 * shown frame calls {@link #invalidate} before that.
 */
final class SegmentHashes {
    /** log2 of the segment width. */
    static final int SHIFT = 6;
    /** Columns per segment. */
    static final int SEG = 1 << SHIFT;
    private static final long K = 0x9E3779B97F4A7C15L;

    private final int cols;
    private final long[] hash;
    private final boolean[] valid;
    /**
     * Per segment, one part of it remembered too: {@link #span} of the columns it covers (0: none) and
     * its hash. A rectangle whose left edge stays while its right edge moves (a terminal that a window
     * moving over it covers more or less of) then costs one partial segment per row, not two.
     */
    private final int[] partSpan;
    private final long[] partHash;
    /** Hashes of the new frame noted during a diff: entry index, {@link #span}, hash. */
    private int[] pendingAt = new int[256];
    private int[] pendingSpan = new int[256];
    private long[] pending = new long[256];
    private int nPending;

    /**
     * @param width screen columns
     * @param height screen rows
     */
    SegmentHashes(int width, int height) {
        cols = (width + SEG - 1) >> SHIFT;
        hash = new long[cols * height];
        valid = new boolean[cols * height];
        partSpan = new int[cols * height];
        partHash = new long[cols * height];
    }

    /**
     * @param a first column (screen)
     * @param b column after the last, in the same segment as {@code a}
     * @return columns [a, b) of their segment as one int: {@link #SEG} for the whole segment, never 0
     */
    private static int span(int a, int b) {
        return (a & (SEG - 1)) << (SHIFT + 1) | (b - (a & ~(SEG - 1)));
    }

    /**
     * The row hash of {@code w} pixels of a row from column {@code x}, nothing remembered: the same
     * value as {@link #shown} and {@link #recordRow} give for the same pixels.
     *
     * @param rowStart index of the row's column 0 in {@code px}
     */
    static long rowHash(int[] px, int rowStart, int x, int w) {
        long h = 0;
        for (int a = x, end = x + w; a < end; ) {
            int b = Math.min(end, (a | (SEG - 1)) + 1);
            h = (h ^ part(px, rowStart + a, b - a)) * K;
            a = b;
        }
        return h ^ h >>> 29;
    }

    /**
     * The row hash of the shown frame's row {@code y} over {@code [x, x + w)}, its whole segments
     * from what is remembered (hashed and remembered where not).
     *
     * @param shown the shown frame
     * @param stride its row length
     */
    long shown(int[] shown, int stride, int y, int x, int w) {
        int rowStart = y * stride;
        long h = 0;
        for (int a = x, end = x + w; a < end; ) {
            int b = Math.min(end, (a | (SEG - 1)) + 1);
            int e = y * cols + (a >> SHIFT);
            long p;
            if (b - a == SEG) {
                if (!valid[e]) {
                    hash[e] = part(shown, rowStart + a, SEG);
                    valid[e] = true;
                }
                p = hash[e];
            } else {
                int sp = span(a, b);
                if (partSpan[e] != sp) {
                    partHash[e] = part(shown, rowStart + a, b - a);
                    partSpan[e] = sp;
                }
                p = partHash[e];
            }
            h = (h ^ p) * K;
            a = b;
        }
        return h ^ h >>> 29;
    }

    /**
     * The row hash of the new frame's row {@code y} over {@code [x, x + w)}; its segments (whole, and
     * the parts at its ends) are noted for {@link #commit}.
     */
    long recordRow(int[] now, int stride, int y, int x, int w) {
        int rowStart = y * stride;
        long h = 0;
        for (int a = x, end = x + w; a < end; ) {
            int b = Math.min(end, (a | (SEG - 1)) + 1);
            long p = part(now, rowStart + a, b - a);
            note(y * cols + (a >> SHIFT), span(a, b), p);
            h = (h ^ p) * K;
            a = b;
        }
        return h ^ h >>> 29;
    }

    /**
     * Notes for {@link #commit} that the new frame's row {@code y} equals the shown frame's row
     * {@code from} over {@code [x, x + w)} (compared exactly): it takes what that row has remembered
     * there. Called before anything changes the shown frame in this diff's rectangle.
     */
    void recordCopy(int y, int from, int x, int w) {
        for (int a = x, end = x + w; a < end; ) {
            int b = Math.min(end, (a | (SEG - 1)) + 1);
            int s = a >> SHIFT;
            int e = from * cols + s;
            int sp = span(a, b);
            if (sp == SEG ? valid[e] : partSpan[e] == sp) {
                note(y * cols + s, sp, sp == SEG ? hash[e] : partHash[e]);
            }
            a = b;
        }
    }

    /** Remembers what was noted since the last commit (the diff has ended; the frames agree there). */
    void commit() {
        for (int i = 0; i < nPending; i++) {
            int e = pendingAt[i];
            if (pendingSpan[i] == SEG) {
                hash[e] = pending[i];
                valid[e] = true;
            } else {
                partHash[e] = pending[i];
                partSpan[e] = pendingSpan[i];
            }
        }
        nPending = 0;
        if (pending.length > 1 << 16) { // a full-screen search must not pin its notes for good
            pending = new long[256];
            pendingAt = new int[256];
            pendingSpan = new int[256];
        }
    }

    /** Forgets the segments that overlap {@code changed} in the shown frame. */
    void invalidate(Rect changed) {
        int top = Math.max(0, changed.y());
        int bottom = Math.min(changed.bottom(), valid.length / Math.max(1, cols));
        int first = Math.max(0, changed.x() >> SHIFT);
        int last = Math.min(cols, (changed.right() + SEG - 1) >> SHIFT);
        for (int y = top; y < bottom; y++) {
            for (int e = y * cols + first, end = y * cols + last; e < end; e++) {
                valid[e] = false;
                partSpan[e] = 0;
            }
        }
    }

    private void note(int entry, int span, long h) {
        if (nPending == pending.length) {
            pending = java.util.Arrays.copyOf(pending, nPending * 2);
            pendingAt = java.util.Arrays.copyOf(pendingAt, nPending * 2);
            pendingSpan = java.util.Arrays.copyOf(pendingSpan, nPending * 2);
        }
        pendingAt[nPending] = entry;
        pendingSpan[nPending] = span;
        pending[nPending++] = h;
    }

    /**
     * A hash of {@code n} pixels from {@code px[o]}: four independent multiply chains, each taking two
     * pixels per step, so the multiplies overlap in the CPU instead of waiting for each other.
     */
    private static long part(int[] px, int o, int n) {
        long h0 = 0;
        long h1 = 1;
        long h2 = 2;
        long h3 = 3;
        int x = 0;
        for (; x + 8 <= n; x += 8) {
            int i = o + x;
            h0 = (h0 ^ ((long) px[i] << 32 | px[i + 1] & 0xFFFFFFFFL)) * K;
            h1 = (h1 ^ ((long) px[i + 2] << 32 | px[i + 3] & 0xFFFFFFFFL)) * K;
            h2 = (h2 ^ ((long) px[i + 4] << 32 | px[i + 5] & 0xFFFFFFFFL)) * K;
            h3 = (h3 ^ ((long) px[i + 6] << 32 | px[i + 7] & 0xFFFFFFFFL)) * K;
        }
        for (; x < n; x++) {
            h0 = LineShift.mix(h0, px[o + x]);
        }
        return h0 ^ Long.rotateLeft(h1, 16) ^ Long.rotateLeft(h2, 32) ^ Long.rotateLeft(h3, 48);
    }
}
