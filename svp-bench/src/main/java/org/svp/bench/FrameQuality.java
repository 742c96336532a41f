package org.svp.bench;

/**
 * How close a client's picture is to the X server's own screen: identical or not, how many pixels
 * differ, PSNR over the R, G and B samples, and SSIM on luma (8×8 windows, the usual constants
 * K1 = 0.01, K2 = 0.03 for 8-bit samples, averaged over the windows). Pure computation, any thread.
 *
 * @param identical every pixel equal (24-bit RGB)
 * @param differing pixels that differ
 * @param psnrDb PSNR in dB; +∞ when identical
 * @param ssim mean SSIM, 1.0 when identical
 */
record FrameQuality(boolean identical, long differing, double psnrDb, double ssim) {
    private static final int WINDOW = 8;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    /**
     * @param reference the X server's pixels (0x00RRGGBB)
     * @param seen the client's pixels, same size
     * @param width width of both
     * @param height height of both
     * @return the comparison
     * @throws IllegalArgumentException if the sizes differ
     */
    static FrameQuality compare(int[] reference, int[] seen, int width, int height) {
        if (reference.length != width * height || seen.length != width * height) {
            throw new IllegalArgumentException("frames of different sizes: " + reference.length + " and " + seen.length);
        }
        long differing = 0;
        double se = 0;
        for (int i = 0; i < reference.length; i++) {
            int a = reference[i] & 0xFFFFFF;
            int b = seen[i] & 0xFFFFFF;
            if (a != b) {
                differing++;
                for (int s = 0; s <= 16; s += 8) {
                    int d = ((a >> s) & 0xFF) - ((b >> s) & 0xFF);
                    se += d * d;
                }
            }
        }
        if (differing == 0) {
            return new FrameQuality(true, 0, Double.POSITIVE_INFINITY, 1.0);
        }
        double mse = se / (3.0 * reference.length);
        double psnr = 10 * Math.log10(255.0 * 255.0 / mse);
        return new FrameQuality(false, differing, psnr, ssim(reference, seen, width, height));
    }

    private static double ssim(int[] a, int[] b, int width, int height) {
        double sum = 0;
        int windows = 0;
        for (int wy = 0; wy + WINDOW <= height; wy += WINDOW) {
            for (int wx = 0; wx + WINDOW <= width; wx += WINDOW) {
                double ma = 0;
                double mb = 0;
                double va = 0;
                double vb = 0;
                double cov = 0;
                for (int y = wy; y < wy + WINDOW; y++) {
                    for (int x = wx; x < wx + WINDOW; x++) {
                        double la = luma(a[y * width + x]);
                        double lb = luma(b[y * width + x]);
                        ma += la;
                        mb += lb;
                        va += la * la;
                        vb += lb * lb;
                        cov += la * lb;
                    }
                }
                int n = WINDOW * WINDOW;
                ma /= n;
                mb /= n;
                va = va / n - ma * ma;
                vb = vb / n - mb * mb;
                cov = cov / n - ma * mb;
                sum += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                windows++;
            }
        }
        return windows == 0 ? 1.0 : sum / windows;
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }
}
