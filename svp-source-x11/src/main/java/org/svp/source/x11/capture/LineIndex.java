package org.svp.source.x11.capture;

/**
 * Where each line hash of the previous frame occurs, if it occurs once: an open-addressing table of
 * {@code long} hash → line (no boxing, one allocation), for {@link LineShift#find} and for
 * {@link ScrollDetector#nowRowHashes} to guess the scroll offset from the first moved row. Thread:
 * "svp-x11".
 */
final class LineIndex {
    private static final long K = 0x9E3779B97F4A7C15L;
    /** Slot holds nothing. */
    private static final int EMPTY = -2;
    /** The hash occurs more than once: says nothing about where a line came from. */
    static final int NOT_UNIQUE = -1;

    private final long[] keys;
    private final int[] lines;
    private final int mask;

    /** @param hashes one hash per line */
    LineIndex(long[] hashes) {
        int cap = Integer.highestOneBit(Math.max(4, hashes.length) * 2 - 1) * 2;
        keys = new long[cap];
        lines = new int[cap];
        mask = cap - 1;
        java.util.Arrays.fill(lines, EMPTY);
        for (int j = 0; j < hashes.length; j++) {
            int s = slot(hashes[j]);
            lines[s] = lines[s] == EMPTY ? j : NOT_UNIQUE;
            keys[s] = hashes[j];
        }
    }

    /** @return the line with {@code hash} if it is the only one, else a negative number */
    int unique(long hash) {
        return lines[slot(hash)];
    }

    private int slot(long hash) {
        int s = (int) ((hash * K) >>> 40) & mask;
        while (lines[s] != EMPTY && keys[s] != hash) {
            s = (s + 1) & mask;
        }
        return s;
    }
}
