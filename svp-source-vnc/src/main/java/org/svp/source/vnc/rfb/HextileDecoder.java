package org.svp.source.vnc.rfb;

/**
 * Hextile (encoding 5, RFC 6143 §7.7.4): 16×16 tiles, each raw or a background with sub-rectangles.
 * Hextile has no length prefix, so a large rectangle is decoded one tile at a time as bytes arrive:
 * {@link #begin} starts a rectangle, each {@link #tile} call decodes one tile (or throws
 * {@link NeedMore} having changed nothing), and {@link #done} says when the rectangle is complete.
 * The background and foreground colours carry over from tile to tile as the RFC says. Sub-rectangles
 * that leave their tile are a {@link Malformed} error. Decoder thread only.
 */
final class HextileDecoder {
    private static final int TILE = 16;
    private static final int RAW = 1;
    private static final int BACKGROUND = 2;
    private static final int FOREGROUND = 4;
    private static final int ANY_SUBRECTS = 8;
    private static final int SUBRECTS_COLOURED = 16;

    private byte[] out;
    private int w;
    private int h;
    private int nextTile;
    private int tiles;
    private int background;
    private int foreground;

    /** Starts a w × h rectangle (both &gt; 0). */
    void begin(int w, int h) {
        this.w = w;
        this.h = h;
        this.out = new byte[w * h * 4];
        this.tiles = ((w + TILE - 1) / TILE) * ((h + TILE - 1) / TILE);
        this.nextTile = 0;
    }

    /** @return true when every tile of the rectangle has been decoded */
    boolean done() {
        return nextTile >= tiles;
    }

    /** @return the decoded rectangle (after {@link #done}); its ownership passes to the caller */
    byte[] take() {
        byte[] b = out;
        out = null;
        return b;
    }

    /** Decodes the next tile. */
    void tile(RfbIn in) {
        int cols = (w + TILE - 1) / TILE;
        int tx = (nextTile % cols) * TILE;
        int ty = (nextTile / cols) * TILE;
        int tw = Math.min(TILE, w - tx);
        int th = Math.min(TILE, h - ty);
        int sub = in.u8();
        if ((sub & RAW) != 0) {
            in.need((long) tw * th * 4);
            for (int y = 0; y < th; y++) {
                in.bytes(out, ((ty + y) * w + tx) * 4, tw * 4);
            }
            nextTile++;
            return;
        }
        int bg = (sub & BACKGROUND) != 0 ? pixel(in) : background;
        int fg = (sub & FOREGROUND) != 0 ? pixel(in) : foreground;
        int n = (sub & ANY_SUBRECTS) != 0 ? in.u8() : 0;
        boolean coloured = (sub & SUBRECTS_COLOURED) != 0;
        in.need((long) n * (coloured ? 6 : 2));
        PixelFormat32.fill(out, w, tx, ty, tw, th, bg);
        for (int i = 0; i < n; i++) {
            int color = coloured ? pixel(in) : fg;
            int xy = in.u8();
            int wh = in.u8();
            int sx = xy >>> 4;
            int sy = xy & 15;
            int sw = (wh >>> 4) + 1;
            int sh = (wh & 15) + 1;
            if (sx + sw > tw || sy + sh > th) {
                throw Malformed.of("Hextile sub-rectangle " + sw + "x" + sh + "+" + sx + "+" + sy + " leaves its "
                        + tw + "x" + th + " tile");
            }
            PixelFormat32.fill(out, w, tx + sx, ty + sy, sw, sh, color);
        }
        background = bg;
        foreground = fg;
        nextTile++;
    }

    private static int pixel(RfbIn in) {
        int b = in.u8();
        int g = in.u8();
        int r = in.u8();
        in.u8();
        return r << 16 | g << 8 | b;
    }
}
