package org.svp.codec.h264;

/**
 * {@code 0x00RRGGBB} pixels to and from planar I420 (Y full size, U and V at half width and height),
 * in full-range BT.601 YCbCr (as JFIF): both ends are ours, and full range keeps the most precision.
 * Fixed point (8 fractional bits forward, 16 back). Plain loops over arrays, no allocation: the JIT
 * unrolls them; measured in {@code H264CodecTest} (640×360 both ways well under a millisecond each
 * on this machine's cores). Even width and height only (video regions are). Stateless.
 */
public final class I420 {
    private I420() {
    }

    /**
     * @param rgb source pixels
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @param w even columns
     * @param h even rows
     * @param yuv receives Y (w·h bytes), then U, then V (w·h/4 bytes each)
     */
    public static void fromRgb(int[] rgb, int at, int stride, int w, int h, byte[] yuv) {
        int cw = w >> 1;
        int uBase = w * h;
        int vBase = uBase + cw * (h >> 1);
        for (int y = 0; y < h; y += 2) {
            int r0 = at + y * stride;
            int r1 = r0 + stride;
            int yo0 = y * w;
            int yo1 = yo0 + w;
            int co = (y >> 1) * cw;
            for (int cx = 0; cx < cw; cx++) {
                int x = cx << 1;
                int p00 = rgb[r0 + x];
                int p01 = rgb[r0 + x + 1];
                int p10 = rgb[r1 + x];
                int p11 = rgb[r1 + x + 1];
                yuv[yo0 + x] = luma(p00);
                yuv[yo0 + x + 1] = luma(p01);
                yuv[yo1 + x] = luma(p10);
                yuv[yo1 + x + 1] = luma(p11);
                int r = (p00 >> 16 & 0xFF) + (p01 >> 16 & 0xFF) + (p10 >> 16 & 0xFF) + (p11 >> 16 & 0xFF);
                int g = (p00 >> 8 & 0xFF) + (p01 >> 8 & 0xFF) + (p10 >> 8 & 0xFF) + (p11 >> 8 & 0xFF);
                int b = (p00 & 0xFF) + (p01 & 0xFF) + (p10 & 0xFF) + (p11 & 0xFF);
                // sums of 4: shift by 10 instead of 8
                yuv[uBase + co + cx] = (byte) ((-43 * r - 85 * g + 128 * b + (128 << 10) + 512) >> 10);
                yuv[vBase + co + cx] = (byte) ((128 * r - 107 * g - 21 * b + (128 << 10) + 512) >> 10);
            }
        }
    }

    private static byte luma(int p) {
        return (byte) ((77 * (p >> 16 & 0xFF) + 150 * (p >> 8 & 0xFF) + 29 * (p & 0xFF) + 128) >> 8);
    }

    /**
     * @param y Y plane
     * @param yStride bytes per Y row
     * @param u U plane
     * @param v V plane
     * @param cStride bytes per U/V row
     * @param w columns
     * @param h rows
     * @param dst receives {@code 0x00RRGGBB}
     * @param dstAt index of the top-left pixel
     * @param dstStride ints per row
     */
    public static void toRgb(byte[] y, int yStride, byte[] u, byte[] v, int cStride, int w, int h,
                             int[] dst, int dstAt, int dstStride) {
        for (int row = 0; row < h; row++) {
            int yo = row * yStride;
            int co = (row >> 1) * cStride;
            int d = dstAt + row * dstStride;
            for (int x = 0; x < w; x++) {
                int l = (y[yo + x] & 0xFF) << 16;
                int cb = (u[co + (x >> 1)] & 0xFF) - 128;
                int cr = (v[co + (x >> 1)] & 0xFF) - 128;
                int r = clamp((l + 91881 * cr + 32768) >> 16);
                int g = clamp((l - 22554 * cb - 46802 * cr + 32768) >> 16);
                int b = clamp((l + 116130 * cb + 32768) >> 16);
                dst[d + x] = r << 16 | g << 8 | b;
            }
        }
    }

    private static int clamp(int c) {
        return c < 0 ? 0 : Math.min(c, 255);
    }
}
