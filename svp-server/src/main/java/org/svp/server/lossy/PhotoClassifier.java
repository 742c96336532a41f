package org.svp.server.lossy;

/**
 * Tells photographic content (many colours, few repeated pixels, costly to code losslessly) from text,
 * UI and gradients, which stay lossless. Called by {@link LossyPolicy} on the encoder workers for bands
 * that already have more than 256 colours, and by the encode manager for {@link #runShare} (MEDZ or
 * QOIZ); stateless.
 */
public final class PhotoClassifier {
    /** Lossless bytes per pixel below which lossless is cheap enough (gradients: 0.04, the photo tile: 1.4). */
    static final double MIN_LOSSLESS_BYTES_PER_PIXEL = 0.5;
    /** Share of pixels equal to their left neighbour above which a band is UI-like (flat areas, text). */
    static final double MAX_RUN_SHARE = 0.5;
    /** Smaller bands are not worth a JPEG header and a later refresh. */
    static final int MIN_PIXELS = 64 * 64;

    private PhotoClassifier() {
    }

    /**
     * @param rgb pixels
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param losslessBytes what the lossless coder made of it
     * @return true if JPEG should replace the lossless coding
     */
    static boolean photographic(int[] rgb, int at, int stride, int w, int h, int losslessBytes) {
        long pixels = (long) w * h;
        if (pixels < MIN_PIXELS || losslessBytes < MIN_LOSSLESS_BYTES_PER_PIXEL * pixels) {
            return false;
        }
        return runShare(rgb, at, stride, w, h) <= MAX_RUN_SHARE;
    }

    /** @return the share of pixels equal to their left neighbour, on every fourth row */
    public static double runShare(int[] rgb, int at, int stride, int w, int h) {
        long same = 0;
        long seen = 0;
        for (int y = 0; y < h; y += 4) {
            int row = at + y * stride;
            int prev = rgb[row];
            for (int x = 1; x < w; x++) {
                int p = rgb[row + x];
                if (((p ^ prev) & 0xFFFFFF) == 0) {
                    same++;
                }
                prev = p;
            }
            seen += w - 1;
        }
        return seen == 0 ? 1 : (double) same / seen;
    }
}
