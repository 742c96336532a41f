package org.svp.source.x11.capture;

import java.util.HashMap;
import java.util.Map;

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
        int n = now.length;
        Map<Long, Integer> where = new HashMap<>(n * 2);
        for (int j = 0; j < n; j++) {
            where.merge(before[j], j, (a, b) -> -1); // -1: the hash is not unique, says nothing
        }
        Map<Integer, Integer> votes = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (now[i] != before[i]) {
                Integer j = where.get(now[i]);
                if (j != null && j >= 0) {
                    votes.merge(j - i, 1, Integer::sum);
                }
            }
        }
        int best = 0;
        int bestVotes = MIN_VOTES - 1;
        for (Map.Entry<Integer, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
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
