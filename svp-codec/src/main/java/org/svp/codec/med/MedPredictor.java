package org.svp.codec.med;

/**
 * LOCO-I's (JPEG-LS) median edge detector over each colour plane, the transform of MEDZ
 * (protocol.md "Codecs"): every sample is predicted from its left (a), upper (b) and upper-left (c)
 * neighbours of the same plane — min(a, b) when c ≥ max(a, b), max(a, b) when c ≤ min(a, b), else
 * a + b − c — and the residual (sample − prediction) mod 256 is stored. At the edges: a = the left
 * sample (x &gt; 0), else the upper one (y &gt; 0), else 0; b = the upper sample (y &gt; 0), else a; c =
 * the upper-left sample (x &gt; 0 and y &gt; 0), else b. Residuals go plane after plane (R, G, B), row
 * after row: on photos they are small numbers whose spread zstd's entropy stage codes well.
 * Stateless; any thread.
 */
final class MedPredictor {
    private MedPredictor() {
    }

    /**
     * @param rgb pixels {@code 0x00RRGGBB} (a top byte is ignored)
     * @param offset index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param out room for {@code 3·w·h} residuals: R plane, G plane, B plane
     */
    static void forward(int[] rgb, int offset, int stride, int w, int h, byte[] out) {
        int n = w * h;
        int left = 0; // first row: the prediction is the left sample (0 at the corner)
        for (int x = 0; x < w; x++) {
            int p = rgb[offset + x];
            residual(out, n, x, p, left);
            left = p;
        }
        for (int y = 1; y < h; y++) { // then a = left, b = above, c = upper-left; at x = 0 all three are above
            int row = offset + y * stride;
            int up = row - stride;
            int o = y * w;
            residual(out, n, o, rgb[row], rgb[up]);
            for (int x = 1; x < w; x++) {
                int a = rgb[row + x - 1];
                int b = rgb[up + x];
                int c = rgb[up + x - 1];
                int p = rgb[row + x];
                // predict() written out per plane: the server's JIT (C1) inlines nothing over 35 bytecodes,
                // and a call per sample was a third of the encoder's time here
                int pa = (a >>> 16) & 0xFF;
                int pb = (b >>> 16) & 0xFF;
                int pc = (c >>> 16) & 0xFF;
                int mx = pa > pb ? pa : pb;
                int mn = pa + pb - mx;
                out[o + x] = (byte) ((p >>> 16) - (pc >= mx ? mn : pc <= mn ? mx : pa + pb - pc));
                pa = (a >>> 8) & 0xFF;
                pb = (b >>> 8) & 0xFF;
                pc = (c >>> 8) & 0xFF;
                mx = pa > pb ? pa : pb;
                mn = pa + pb - mx;
                out[n + o + x] = (byte) ((p >>> 8) - (pc >= mx ? mn : pc <= mn ? mx : pa + pb - pc));
                pa = a & 0xFF;
                pb = b & 0xFF;
                pc = c & 0xFF;
                mx = pa > pb ? pa : pb;
                mn = pa + pb - mx;
                out[2 * n + o + x] = (byte) (p - (pc >= mx ? mn : pc <= mn ? mx : pa + pb - pc));
            }
        }
    }

    /** Stores the residuals of pixel {@code p} at index {@code i} of each plane, predicted as {@code pred} (a = b = c). */
    private static void residual(byte[] out, int n, int i, int p, int pred) {
        out[i] = (byte) ((p >>> 16) - (pred >>> 16));
        out[n + i] = (byte) ((p >>> 8) - (pred >>> 8));
        out[2 * n + i] = (byte) (p - pred);
    }

    /**
     * The inverse of {@link #forward}: writes {@code 0x00RRGGBB} pixels.
     *
     * @param res {@code 3·w·h} residuals
     * @param w columns
     * @param h rows
     * @param dst destination
     * @param dstOffset index of the top-left pixel
     * @param dstStride ints per row
     */
    static void inverse(byte[] res, int w, int h, int[] dst, int dstOffset, int dstStride) {
        int n = w * h;
        for (int y = 0; y < h; y++) {
            int row = dstOffset + y * dstStride;
            int up = row - dstStride;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int left;
                int above;
                int corner;
                if (y == 0) {
                    left = x > 0 ? dst[row + x - 1] : 0;
                    above = left;
                    corner = left;
                } else if (x == 0) {
                    above = dst[up];
                    left = above;
                    corner = above;
                } else {
                    left = dst[row + x - 1];
                    above = dst[up + x];
                    corner = dst[up + x - 1];
                }
                int p = 0;
                for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
                    int v = (res[c * n + o + x]
                            + predict((left >>> shift) & 0xFF, (above >>> shift) & 0xFF, (corner >>> shift) & 0xFF)) & 0xFF;
                    p |= v << shift;
                }
                dst[row + x] = p;
            }
        }
    }

    /** @return the median edge detector's prediction from left, above and upper-left */
    static int predict(int a, int b, int c) {
        int max = Math.max(a, b);
        int min = Math.min(a, b);
        return c >= max ? min : c <= min ? max : a + b - c;
    }
}
