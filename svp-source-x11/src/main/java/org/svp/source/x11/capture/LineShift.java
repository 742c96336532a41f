package org.svp.source.x11.capture;

/**
 * A run of lines (rows or columns) of the new frame that equal lines of the previous frame
 * {@code offset} lines further on: what a scroll leaves behind. Found from one 64-bit hash per line.
 *
 * @param offset source line minus destination line (positive: content moved towards line 0)
 * @param start first destination line of the run
 * @param length lines in the run
 */
record LineShift(int offset, int start, int length) {
    /** Fewer lines than this that actually moved are not worth a SCREEN_BLT. */
    static final int MIN_MOVED_LINES = 8;
    /** Offsets with fewer votes than this are noise. */
    private static final int MIN_VOTES = 2;

    /**
     * @param now hash per line of the new frame
     * @param before hash per line of the previous frame, same area
     * @return the best shift whose run moves at least {@link #MIN_MOVED_LINES} lines, or null
     */
    static LineShift find(long[] now, long[] before) {
        return find(now, before, new LineIndex(before));
    }

    /**
     * As {@link #find(long[], long[])} with the previous frame's lines already indexed.
     *
     * @param where {@code new LineIndex(before)}
     */
    static LineShift find(long[] now, long[] before, LineIndex where) {
        int n = now.length;
        int[] votes = null; // votes[offset + n]
        for (int i = 0; i < n; i++) {
            if (now[i] != before[i]) {
                int j = where.unique(now[i]);
                if (j >= 0) {
                    if (votes == null) {
                        votes = new int[2 * n];
                    }
                    votes[j - i + n]++;
                }
            }
        }
        if (votes == null) {
            return null;
        }
        // most votes wins; on a tie the smaller shift, then the positive one
        int best = 0;
        int bestVotes = MIN_VOTES - 1;
        for (int d = 1; d < n; d++) {
            if (votes[d + n] > bestVotes) {
                best = d;
                bestVotes = votes[d + n];
            }
            if (votes[n - d] > bestVotes) {
                best = -d;
                bestVotes = votes[n - d];
            }
        }
        return best == 0 ? null : longestRun(now, before, best);
    }

    private static LineShift longestRun(long[] now, long[] before, int offset) {
        int n = now.length;
        int from = Math.max(0, -offset);
        int to = Math.min(n, n - offset);
        int bestStart = 0;
        int bestLen = 0;
        int bestMoved = 0;
        int i = from;
        while (i < to) {
            if (now[i] != before[i + offset]) {
                i++;
                continue;
            }
            int start = i;
            int moved = 0;
            while (i < to && now[i] == before[i + offset]) {
                if (now[i] != before[i]) {
                    moved++;
                }
                i++;
            }
            if (moved > bestMoved) {
                bestStart = start;
                bestLen = i - start;
                bestMoved = moved;
            }
        }
        return bestMoved >= MIN_MOVED_LINES ? new LineShift(offset, bestStart, bestLen) : null;
    }

    /** Mixes one pixel into a line hash. */
    static long mix(long h, int pixel) {
        return (h ^ pixel) * 0x9E3779B97F4A7C15L;
    }
}
