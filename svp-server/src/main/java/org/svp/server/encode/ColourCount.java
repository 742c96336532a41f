package org.svp.server.encode;

import java.util.Arrays;

/**
 * Whether a region has few colours (text, UI) — the encode manager's test for its stream codec. One
 * pass with a small open-addressing set that stops at the first colour over the limit; runs of one
 * colour cost one compare per pixel. Per-thread scratch; called on the encoder workers and, for resync
 * bands, on the I/O thread.
 */
final class ColourCount {
    private static final int SLOTS = 1024;
    private static final ThreadLocal<int[]> KEYS = ThreadLocal.withInitial(() -> new int[SLOTS]);

    private ColourCount() {
    }

    /**
     * @param rgb pixels (top byte ignored)
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param limit most colours allowed (at most 512)
     * @return true if the region has at most {@code limit} distinct colours
     */
    static boolean atMost(int[] rgb, int at, int stride, int w, int h, int limit) {
        int[] keys = KEYS.get();
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
                int i = (key * 0x9E3779B1) >>> 22;
                while (keys[i] != 0 && keys[i] != key) {
                    i = (i + 1) & (SLOTS - 1);
                }
                if (keys[i] == 0) {
                    if (++count > limit) {
                        return false;
                    }
                    keys[i] = key;
                }
            }
        }
        return true;
    }
}
