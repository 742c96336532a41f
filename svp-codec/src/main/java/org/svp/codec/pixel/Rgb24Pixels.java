package org.svp.codec.pixel;

/**
 * The two 3-byte formats: BGR24 (bytes B, G, R) and RGB24 (bytes R, G, B). Stateless; called from any
 * thread via {@link PixelConverter}.
 */
final class Rgb24Pixels {
    private Rgb24Pixels() {
    }

    /**
     * @param redFirst
     *     true for RGB24 (R at byte 0), false for BGR24 (B at byte 0)
     */
    static void toRgb(boolean redFirst, byte[] src, int srcOffset, int w, int h, int[] dst, int dstOffset,
                      int dstStride) {
        int first = redFirst ? 16 : 0;
        int third = redFirst ? 0 : 16;
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            int p = s;
            for (int x = 0; x < w; x++) {
                dst[d + x] = (src[p] & 0xFF) << first | (src[p + 1] & 0xFF) << 8 | (src[p + 2] & 0xFF) << third;
                p += 3;
            }
            s += w * 3;
            d += dstStride;
        }
    }

    /**
     * @param redFirst
     *     true for RGB24 (R at byte 0), false for BGR24 (B at byte 0)
     */
    static void fromRgb(boolean redFirst, int[] src, int srcOffset, int srcStride, int w, int h, byte[] dst,
                        int dstOffset) {
        int first = redFirst ? 16 : 0;
        int third = redFirst ? 0 : 16;
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = src[s + x];
                dst[d] = (byte) (c >> first);
                dst[d + 1] = (byte) (c >> 8);
                dst[d + 2] = (byte) (c >> third);
                d += 3;
            }
            s += srcStride;
        }
    }
}
