package org.svp.codec.palette;

import java.util.Arrays;

/**
 * The distinct colours of a region, in a small open-addressing set (keys are colour | 1 << 24, 0 =
 * empty) that stops at the first colour over a limit; runs of one colour cost one compare per pixel.
 * Used by the PALETTE encoder (which then looks colours up by {@link #slot}) and by the server's encode
 * manager to tell few-colour regions (text, UI) from the rest. Not thread-safe: one per thread.
 */
public final class ColourTable {
    /** Slots of the set: a power of two, at least twice the largest limit (512 colours). */
    static final int SLOTS = 1024;
    private final int[] keys = new int[SLOTS];

    /**
     * Collects the region's distinct colours.
     *
     * @param rgb pixels (top byte ignored)
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param limit most colours allowed (at most 512)
     * @param found receives the colours in first-seen order (at least {@code limit} long), or null
     * @return how many distinct colours, or -1 if there are more than {@code limit}
     */
    public int collect(int[] rgb, int at, int stride, int w, int h, int limit, int[] found) {
        Arrays.fill(keys, 0);
        int count = 0;
        int last = -1;
        for (int y = 0; y < h; y++) {
            int row = at + y * stride;
            for (int x = 0; x < w; x++) {
                int p = rgb[row + x] & 0xFFFFFF;
                if (p == last) {
                    continue;
                }
                last = p;
                int key = p | 1 << 24;
                // slot() written out: the server's JIT (C1) inlines nothing over 35 bytecodes, and this
                // runs per colour change, i.e. per pixel on a photo until the limit
                int s = (key * 0x9E3779B1) >>> 22;
                while (keys[s] != 0 && keys[s] != key) {
                    s = (s + 1) & (SLOTS - 1);
                }
                if (keys[s] == 0) {
                    if (count == limit) {
                        return -1;
                    }
                    keys[s] = key;
                    if (found != null) {
                        found[count] = p;
                    }
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * @param key a colour | 1 << 24
     * @return its slot: where it is, or the empty slot where it would go
     */
    int slot(int key) {
        int i = (key * 0x9E3779B1) >>> 22;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & (SLOTS - 1);
        }
        return i;
    }
}
