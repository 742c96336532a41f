package org.svp.protocol.message;

/**
 * One glyph inside TEXT: a 24-byte header (uint32 size, uint64 handle, int16 x, y, uint16 w, h,
 * int16 x_origin, y_origin) then a 1-bpp bitmap, rows byte-aligned, MSB = leftmost pixel, padded to a
 * multiple of 4 bytes.
 *
 * @param size this glyph's bytes on the wire, header included (≥ {@link #minimumSize(int, int)})
 * @param handle the sender's glyph handle (passed through)
 * @param x glyph origin on screen
 * @param y glyph origin on screen
 * @param width bitmap columns (0 for a space)
 * @param height bitmap rows
 * @param xOrigin character origin inside the bitmap
 * @param yOrigin character origin inside the bitmap
 * @param bits {@code ((w + 7) / 8) * h} bitmap bytes, without padding
 */
public record Glyph(int size, long handle, int x, int y, int width, int height, int xOrigin, int yOrigin,
                    byte[] bits) {
    /** Header bytes of a glyph. */
    public static final int HEADER_BYTES = 24;

    public Glyph {
        if (width < 0 || height < 0 || bits.length != ((width + 7) / 8) * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " glyph needs "
                    + ((width + 7) / 8) * height + " bitmap bytes, got " + bits.length);
        }
        if (size < minimumSize(width, height)) {
            throw new IllegalArgumentException("glyph size " + size + " is below the minimum " + minimumSize(width, height));
        }
    }

    /**
     * @param width glyph columns
     * @param height glyph rows
     * @return the padded bitmap length: (((w+7)/8)·h + 3) &amp; ~3
     */
    public static int paddedLength(int width, int height) {
        return (((width + 7) / 8) * height + 3) & ~3;
    }

    /**
     * @param width glyph columns
     * @param height glyph rows
     * @return the smallest legal {@code size}
     */
    public static int minimumSize(int width, int height) {
        return HEADER_BYTES + paddedLength(width, height);
    }

    /**
     * Builds a glyph whose size is the minimum.
     *
     * @param handle glyph handle
     * @param x screen x
     * @param y screen y
     * @param width columns
     * @param height rows
     * @param xOrigin origin inside the bitmap
     * @param yOrigin origin inside the bitmap
     * @param bits unpadded rows
     * @return the glyph
     */
    public static Glyph of(long handle, int x, int y, int width, int height, int xOrigin, int yOrigin, byte[] bits) {
        return new Glyph(minimumSize(width, height), handle, x, y, width, height, xOrigin, yOrigin, bits);
    }
}
