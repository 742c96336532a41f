package org.svp.codec.pixel;

/**
 * MONO: 1 bit a pixel, most significant bit = leftmost pixel, rows of {@code (w + 7) / 8} bytes. Bit 0 is
 * {@link Palette#mono0()}, bit 1 {@link Palette#mono1()}. Encoding sets the bit when the luminance
 * (ITU-R BT.601 weights) is at least {@link #LUMA_THRESHOLD}; padding bits are 0. Stateless; called from
 * any thread via {@link PixelConverter}.
 */
final class MonoPixels {
    /** Luminance 0..255 from which a pixel encodes as bit 1 (white): the middle of the range. */
    static final int LUMA_THRESHOLD = 128;

    private MonoPixels() {
    }

    static void toRgb(byte[] src, int srcOffset, int w, int h, Palette palette, int[] dst, int dstOffset,
                      int dstStride) {
        int zero = palette.mono0();
        int one = palette.mono1();
        int rowBytes = (w + 7) >>> 3;
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int bit = (src[s + (x >>> 3)] >>> (7 - (x & 7))) & 1;
                dst[d + x] = bit == 0 ? zero : one;
            }
            s += rowBytes;
            d += dstStride;
        }
    }

    static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, byte[] dst, int dstOffset) {
        int rowBytes = (w + 7) >>> 3;
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < rowBytes; i++) {
                dst[d + i] = 0;
            }
            for (int x = 0; x < w; x++) {
                if (luma(src[s + x]) >= LUMA_THRESHOLD) {
                    dst[d + (x >>> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
            s += srcStride;
            d += rowBytes;
        }
    }

    /** @return BT.601 luminance 0..255 of a {@code 0x00RRGGBB} colour */
    private static int luma(int c) {
        return (299 * ((c >>> 16) & 0xFF) + 587 * ((c >>> 8) & 0xFF) + 114 * (c & 0xFF)) / 1000;
    }
}
