package org.svp.codec.pixel;

import org.svp.protocol.PixelFormat;

/**
 * Converts tightly packed wire rows of any v1 {@link PixelFormat} to and from {@code 0x00RRGGBB} ints
 * (protocol.md §2, §4). Called by {@link org.svp.codec.BitmapDecoder} and
 * {@link org.svp.codec.BitmapEncoder} on their owning threads, and by tests; stateless, so any thread
 * may call it. Allocates nothing.
 *
 * <p>Bounds are the caller's business: the arrays must hold the rows described (a
 * {@code BitmapDecoder} checks the peer's data length before it gets here). Output ints always have a
 * zero top byte.
 */
public final class PixelConverter {
    private PixelConverter() {
    }

    /**
     * Decodes {@code w × h} pixels of wire rows into ints.
     *
     * @param f
     *     the wire format of {@code src}
     * @param src
     *     tightly packed rows, top row first ({@code f.rowBytes(w)} bytes each)
     * @param srcOffset
     *     index of the first byte in {@code src}
     * @param w
     *     columns
     * @param h
     *     rows
     * @param palette
     *     the meaning of RGB8 and MONO pixels; null means {@link Palette#DEFAULT}
     * @param dst
     *     receives {@code 0x00RRGGBB} pixels
     * @param dstOffset
     *     index in {@code dst} of the top-left pixel
     * @param dstStride
     *     ints from one row to the next in {@code dst} (≥ w)
     */
    public static void toRgb(PixelFormat f, byte[] src, int srcOffset, int w, int h, Palette palette,
                             int[] dst, int dstOffset, int dstStride) {
        Palette p = palette == null ? Palette.DEFAULT : palette;
        switch (f) {
            case RGB32 -> Rgb32Pixels.toRgb(src, srcOffset, w, h, dst, dstOffset, dstStride);
            case BGR24 -> Rgb24Pixels.toRgb(false, src, srcOffset, w, h, dst, dstOffset, dstStride);
            case RGB24 -> Rgb24Pixels.toRgb(true, src, srcOffset, w, h, dst, dstOffset, dstStride);
            case RGB16 -> Rgb16Pixels.toRgb(src, srcOffset, w, h, dst, dstOffset, dstStride);
            case RGB8 -> IndexedPixels.toRgb(src, srcOffset, w, h, p, dst, dstOffset, dstStride);
            case MONO -> MonoPixels.toRgb(src, srcOffset, w, h, p, dst, dstOffset, dstStride);
        }
    }

    /**
     * Encodes {@code w × h} ints into tightly packed wire rows, with {@link Palette#DEFAULT} for RGB8.
     *
     * @param src
     *     {@code 0x00RRGGBB} pixels (a top byte is ignored)
     * @param srcOffset
     *     index in {@code src} of the top-left pixel
     * @param srcStride
     *     ints from one row to the next in {@code src}
     * @param w
     *     columns
     * @param h
     *     rows
     * @param f
     *     the wire format to write
     * @param dst
     *     receives {@code f.dataLength(w, h)} bytes
     * @param dstOffset
     *     index of the first byte written
     */
    public static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, PixelFormat f, byte[] dst,
                               int dstOffset) {
        fromRgb(src, srcOffset, srcStride, w, h, f, Palette.DEFAULT, dst, dstOffset);
    }

    /**
     * Encodes {@code w × h} ints into tightly packed wire rows. RGB8 takes the nearest palette colour;
     * MONO sets a bit for pixels whose luminance is at least the middle grey.
     *
     * @param src
     *     {@code 0x00RRGGBB} pixels (a top byte is ignored)
     * @param srcOffset
     *     index in {@code src} of the top-left pixel
     * @param srcStride
     *     ints from one row to the next in {@code src}
     * @param w
     *     columns
     * @param h
     *     rows
     * @param f
     *     the wire format to write
     * @param palette
     *     the RGB8 table; null means {@link Palette#DEFAULT}
     * @param dst
     *     receives {@code f.dataLength(w, h)} bytes
     * @param dstOffset
     *     index of the first byte written
     */
    public static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, PixelFormat f,
                               Palette palette, byte[] dst, int dstOffset) {
        Palette p = palette == null ? Palette.DEFAULT : palette;
        switch (f) {
            case RGB32 -> Rgb32Pixels.fromRgb(src, srcOffset, srcStride, w, h, dst, dstOffset);
            case BGR24 -> Rgb24Pixels.fromRgb(false, src, srcOffset, srcStride, w, h, dst, dstOffset);
            case RGB24 -> Rgb24Pixels.fromRgb(true, src, srcOffset, srcStride, w, h, dst, dstOffset);
            case RGB16 -> Rgb16Pixels.fromRgb(src, srcOffset, srcStride, w, h, dst, dstOffset);
            case RGB8 -> IndexedPixels.fromRgb(src, srcOffset, srcStride, w, h, p, dst, dstOffset);
            case MONO -> MonoPixels.fromRgb(src, srcOffset, srcStride, w, h, dst, dstOffset);
        }
    }
}
