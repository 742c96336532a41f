package org.svp.source.vnc.rfb;

/**
 * ZRLE (encoding 16, RFC 6143 §7.7.6): a u32 length, then that many bytes of the connection's one
 * zlib stream, inflating to 64×64 tiles, each raw, solid, packed-palette, plain RLE or palette RLE.
 * CPIXELs are 3 bytes (B, G, R) with {@link PixelFormat32}. Every palette index and run is checked
 * against the palette and the tile, so bad data is a {@link Malformed} error, never an out-of-bounds
 * write. Decoder thread only.
 */
final class ZrleDecoder {
    private static final int TILE = 64;
    private final ZlibStream zlib = new ZlibStream("ZRLE");
    private final int[] palette = new int[127];
    private final byte[] cpixels = new byte[TILE * TILE * 3];

    /**
     * @param compressed the rectangle's zlib bytes
     * @return w × h pixels, B, G, R, X
     */
    byte[] decode(byte[] compressed, int w, int h) {
        byte[] out = new byte[w * h * PixelFormat32.BYTES];
        zlib.feed(compressed);
        for (int ty = 0; ty < h; ty += TILE) {
            int th = Math.min(TILE, h - ty);
            for (int tx = 0; tx < w; tx += TILE) {
                tile(out, w, tx, ty, Math.min(TILE, w - tx), th);
            }
        }
        zlib.endRect();
        return out;
    }

    private void tile(byte[] out, int stride, int tx, int ty, int tw, int th) {
        int sub = zlib.u8();
        if (sub == 0) {
            zlib.read(cpixels, 0, tw * th * 3);
            for (int y = 0; y < th; y++) {
                for (int x = 0; x < tw; x++) {
                    int i = (y * tw + x) * 3;
                    int o = ((ty + y) * stride + tx + x) * 4;
                    out[o] = cpixels[i];
                    out[o + 1] = cpixels[i + 1];
                    out[o + 2] = cpixels[i + 2];
                }
            }
        } else if (sub == 1) {
            PixelFormat32.fill(out, stride, tx, ty, tw, th, cpixel());
        } else if (sub <= 16) {
            readPalette(sub);
            packed(out, stride, tx, ty, tw, th, sub);
        } else if (sub == 128) {
            runs(out, stride, tx, ty, tw, th, false, 0);
        } else if (sub >= 130) {
            readPalette(sub - 128);
            runs(out, stride, tx, ty, tw, th, true, sub - 128);
        } else {
            throw Malformed.of("ZRLE tile sub-encoding " + sub + " is not defined");
        }
    }

    private int cpixel() {
        int b = zlib.u8();
        int g = zlib.u8();
        int r = zlib.u8();
        return r << 16 | g << 8 | b;
    }

    private void readPalette(int n) {
        for (int i = 0; i < n; i++) {
            palette[i] = cpixel();
        }
    }

    /** Packed palette: 1, 2 or 4 bits an index, each row starting on a byte. */
    private void packed(byte[] out, int stride, int tx, int ty, int tw, int th, int size) {
        int bits = size == 2 ? 1 : size <= 4 ? 2 : 4;
        int mask = (1 << bits) - 1;
        for (int y = 0; y < th; y++) {
            int b = 0;
            int left = 0;
            for (int x = 0; x < tw; x++) {
                if (left == 0) {
                    b = zlib.u8();
                    left = 8;
                }
                left -= bits;
                int index = (b >>> left) & mask;
                if (index >= size) {
                    throw Malformed.of("ZRLE palette index " + index + " of a " + size + "-colour palette");
                }
                PixelFormat32.put(out, ((ty + y) * stride + tx + x) * 4, palette[index]);
            }
        }
    }

    /** Plain RLE (colour, run) or palette RLE (index, run if bit 7 set) until the tile is full. */
    private void runs(byte[] out, int stride, int tx, int ty, int tw, int th, boolean indexed, int size) {
        int total = tw * th;
        int done = 0;
        while (done < total) {
            int color;
            int run = 1;
            if (indexed) {
                int index = zlib.u8();
                if ((index & 0x7F) >= size) {
                    throw Malformed.of("ZRLE palette index " + (index & 0x7F) + " of a " + size + "-colour palette");
                }
                color = palette[index & 0x7F];
                if ((index & 0x80) != 0) {
                    run = runLength(total - done);
                }
            } else {
                color = cpixel();
                run = runLength(total - done);
            }
            for (int i = 0; i < run; i++, done++) {
                int x = done % tw;
                int y = done / tw;
                PixelFormat32.put(out, ((ty + y) * stride + tx + x) * 4, color);
            }
        }
    }

    /** A run length: 1 + the sum of bytes up to and including the first that is not 255. */
    private int runLength(int max) {
        int run = 1;
        int b;
        do {
            b = zlib.u8();
            run += b;
            if (run > max) {
                throw Malformed.of("ZRLE run of " + run + " pixels where " + max + " are left in the tile");
            }
        } while (b == 255);
        return run;
    }

    void close() {
        zlib.close();
    }
}
