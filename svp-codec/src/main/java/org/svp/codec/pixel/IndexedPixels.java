package org.svp.codec.pixel;

/**
 * RGB8: one byte a pixel, an index into a {@link Palette}. Stateless; called from any thread via
 * {@link PixelConverter}.
 */
final class IndexedPixels {
    private IndexedPixels() {
    }

    static void toRgb(byte[] src, int srcOffset, int w, int h, Palette palette, int[] dst, int dstOffset,
                      int dstStride) {
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dst[d + x] = palette.rgb(src[s + x]);
            }
            s += w;
            d += dstStride;
        }
    }

    /** Nearest palette entry per pixel, remembering the last colour because runs are common. */
    static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, Palette palette, byte[] dst,
                        int dstOffset) {
        int s = srcOffset;
        int d = dstOffset;
        int lastColour = -1;
        int lastIndex = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = src[s + x] & 0xFFFFFF;
                if (c != lastColour) {
                    lastColour = c;
                    lastIndex = palette.nearestIndex(c);
                }
                dst[d + x] = (byte) lastIndex;
            }
            s += srcStride;
            d += w;
        }
    }
}
