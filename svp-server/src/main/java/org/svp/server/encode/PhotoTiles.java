package org.svp.server.encode;

/**
 * Cuts a many-colour band at the screen's {@link #TILE}-pixel grid for the screen cache: whole grid
 * tiles, and what is left at the band's edges (partial tiles) as strips. The grid is the screen's, not
 * the band's, so the same picture at the same place gives the same whole tiles whatever damage
 * rectangles the source reported; strips come out the same only when the band does, so they are
 * keyed too (a picture drawn again in one piece, a slide of a slideshow), but only from
 * {@link #MIN_KEYED_STRIP} pixels. Pure; any thread (the encode manager's callers).
 */
final class PhotoTiles {
    /** Grid tile edge in pixels (the X source's damage tiles are this size too). */
    static final int TILE = 64;
    /** Smallest strip worth a content key (a CACHE_SAVE and an entry): 32 × 32 pixels. */
    static final int MIN_KEYED_STRIP = 32 * 32;

    /** Receives the pieces, top to bottom, left to right; together they cover the band exactly once. */
    @FunctionalInterface
    interface Piece {
        void accept(int x, int y, int w, int h, boolean wholeTile);
    }

    private PhotoTiles() {
    }

    /**
     * @param x band left (screen)
     * @param y band top
     * @param w band width
     * @param h band height
     * @param out the pieces
     */
    static void cut(int x, int y, int w, int h, Piece out) {
        int right = x + w;
        int bottom = y + h;
        int fx0 = Math.ceilDiv(x, TILE) * TILE;
        int fx1 = Math.floorDiv(right, TILE) * TILE;
        for (int sy = y; sy < bottom; ) {
            int sy2 = Math.min(bottom, Math.floorDiv(sy, TILE) * TILE + TILE);
            int sh = sy2 - sy;
            if (sh == TILE && fx1 > fx0) {
                if (fx0 > x) {
                    out.accept(x, sy, fx0 - x, sh, false);
                }
                for (int tx = fx0; tx < fx1; tx += TILE) {
                    out.accept(tx, sy, TILE, TILE, true);
                }
                if (right > fx1) {
                    out.accept(fx1, sy, right - fx1, sh, false);
                }
            } else {
                out.accept(x, sy, w, sh, false);
            }
            sy = sy2;
        }
    }
}
