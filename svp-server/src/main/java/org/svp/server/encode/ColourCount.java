package org.svp.server.encode;

import org.svp.codec.palette.ColourTable;

/**
 * Whether a region has few colours (text, UI) — the encode manager's test for its stream codec, with
 * the PALETTE encoder's colour set ({@link ColourTable}). Per-thread scratch; called on the encoder
 * workers and, for resync bands, on the I/O thread.
 */
final class ColourCount {
    private static final ThreadLocal<ColourTable> TABLE = ThreadLocal.withInitial(ColourTable::new);

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
        return TABLE.get().collect(rgb, at, stride, w, h, limit, null) >= 0;
    }
}
