package org.svp.source.vnc.rfb;

/**
 * The one pixel format this client asks for (SetPixelFormat right after ServerInit): 32 bits a pixel,
 * depth 24, little-endian true colour, red at bit 16, green at 8, blue at 0. Its bytes on the wire are
 * B, G, R, X: exactly SVP's RGB32, so Raw pixels pass through unchanged. ZRLE's CPIXEL is then the
 * three low bytes (B, G, R) and Tight's TPIXEL the three colour bytes R, G, B.
 */
public final class PixelFormat32 {
    /** Bytes a pixel. */
    public static final int BYTES = 4;

    private PixelFormat32() {
    }

    /** @return the 16-byte PIXEL_FORMAT structure of RFC 6143 §7.4 */
    public static byte[] wire() {
        return new byte[] {
            32, 24, 0 /* little-endian */, 1 /* true colour */,
            0, (byte) 255, 0, (byte) 255, 0, (byte) 255, // red/green/blue max
            16, 8, 0, // shifts
            0, 0, 0, // padding
        };
    }

    /** Writes 0x00RRGGBB as B, G, R, 0 at {@code off}. */
    static void put(byte[] dst, int off, int rgb) {
        dst[off] = (byte) rgb;
        dst[off + 1] = (byte) (rgb >>> 8);
        dst[off + 2] = (byte) (rgb >>> 16);
        dst[off + 3] = 0;
    }

    /** @return the pixel at {@code off} (B, G, R, X) as 0x00RRGGBB */
    static int get(byte[] src, int off) {
        return (src[off] & 0xFF) | (src[off + 1] & 0xFF) << 8 | (src[off + 2] & 0xFF) << 16;
    }

    /** Fills a w×h area at (x, y) of a {@code stride}-pixel-wide buffer with one colour. */
    static void fill(byte[] dst, int stride, int x, int y, int w, int h, int rgb) {
        for (int row = y; row < y + h; row++) {
            int off = (row * stride + x) * BYTES;
            for (int col = 0; col < w; col++, off += BYTES) {
                put(dst, off, rgb);
            }
        }
    }
}
