package org.svp.codec.jpeg;

import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;

/**
 * Pixels to one baseline JPEG at a chosen quality. Confined to one thread (native handle and scratch
 * buffers); the encode manager keeps one per encoder worker.
 */
public interface JpegEncoder extends BitmapCodec.Encoder {
    /** Quality of {@link #encode(int[], int, int, int, int)} without a quality (the "high" level). */
    int DEFAULT_QUALITY = 95;

    /**
     * @param rgb pixels {@code 0x00RRGGBB}
     * @param offset index of the top-left pixel
     * @param stride ints per row
     * @param w columns (≥ 1)
     * @param h rows (≥ 1)
     * @param quality 1–100
     * @param subsample420 halve the chroma resolution (smaller, blurs coloured edges) instead of 4:4:4
     * @return the JPEG stream
     */
    byte[] encode(int[] rgb, int offset, int stride, int w, int h, int quality, boolean subsample420);

    @Override
    default EncodedData encode(int[] rgb, int offset, int stride, int w, int h) {
        if ((long) w * h == 0) {
            return null; // JPEG has no empty image
        }
        return EncodedData.of(encode(rgb, offset, stride, w, h, DEFAULT_QUALITY, false));
    }
}
