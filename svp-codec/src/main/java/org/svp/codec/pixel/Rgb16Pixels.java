package org.svp.codec.pixel;

/**
 * RGB16: RGB565 little-endian. Decoding widens each channel by bit replication ({@code r5 << 3 | r5 >> 2},
 * {@code g6 << 2 | g6 >> 4}), so 0 stays 0 and full scale becomes 255; encoding truncates. Stateless;
 * called from any thread via {@link PixelConverter}.
 */
final class Rgb16Pixels {
    private Rgb16Pixels() {
    }

    static void toRgb(byte[] src, int srcOffset, int w, int h, int[] dst, int dstOffset, int dstStride) {
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            int p = s;
            for (int x = 0; x < w; x++) {
                int v = (src[p] & 0xFF) | (src[p + 1] & 0xFF) << 8;
                int r5 = v >>> 11;
                int g6 = (v >>> 5) & 0x3F;
                int b5 = v & 0x1F;
                dst[d + x] = (r5 << 3 | r5 >>> 2) << 16 | (g6 << 2 | g6 >>> 4) << 8 | (b5 << 3 | b5 >>> 2);
                p += 2;
            }
            s += w << 1;
            d += dstStride;
        }
    }

    static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, byte[] dst, int dstOffset) {
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = src[s + x];
                int v = ((c >>> 19) & 0x1F) << 11 | ((c >>> 10) & 0x3F) << 5 | ((c >>> 3) & 0x1F);
                dst[d] = (byte) v;
                dst[d + 1] = (byte) (v >>> 8);
                d += 2;
            }
            s += srcStride;
        }
    }
}
