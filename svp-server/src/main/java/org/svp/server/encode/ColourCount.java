package org.svp.server.encode;

import org.svp.codec.palette.ColourTable;

/**
 * Whether a region has few colours (text, UI) — the encode manager's test for its stream codec, with
 * the PALETTE encoder's colour set ({@link ColourTable}). Only every {@value #ROW_STEP}nd row is
 * counted: the answer picks a codec, and both answers are lossless (the stream codecs code any pixels;
 * the many-colour ones any colours), so a band whose skipped rows hold the 257th colour only costs some
 * bytes — while a photo or a gradient shows hundreds of colours in any half of its rows, and text,
 * whose bands are scanned whole (no early exit), costs half as much. Per-thread scratch; called on the
 * encoder workers and, for resync bands, on the I/O thread.
 */
final class ColourCount {
    /** Rows counted: the first and then every {@value}nd. */
    static final int ROW_STEP = 2;
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
     * @return true if the counted rows ({@link #ROW_STEP}) have at most {@code limit} distinct colours
     */
    static boolean atMost(int[] rgb, int at, int stride, int w, int h, int limit) {
        return TABLE.get().collect(rgb, at, stride * ROW_STEP, w, (h + ROW_STEP - 1) / ROW_STEP, limit, null) >= 0;
    }
}
