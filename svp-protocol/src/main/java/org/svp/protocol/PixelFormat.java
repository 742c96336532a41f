package org.svp.protocol;

import java.util.Optional;

/**
 * Pixel formats of {@code pac_bitmap.format} (protocol.md §2, §4). Rows are tightly packed, top row
 * first; MONO rows are {@code (w + 7) / 8} bytes, most significant bit = leftmost pixel.
 */
public enum PixelFormat {
    /** 4 bytes a pixel, little-endian {@code 0x00RRGGBB} (bytes B, G, R, X). */
    RGB32(1, 4),
    /** 3 bytes a pixel: B, G, R. */
    BGR24(2, 3),
    /** 3 bytes a pixel: R, G, B. */
    RGB24(3, 3),
    /** 2 bytes a pixel, RGB565 little-endian. */
    RGB16(4, 2),
    /** 1 byte a pixel: an index into the receiver's palette. */
    RGB8(5, 1),
    /** 1 bit a pixel, MSB first; 0 = black, 1 = white unless a palette says otherwise. */
    MONO(6, 0);

    private final int id;
    private final int bytesPerPixel;

    PixelFormat(int id, int bytesPerPixel) {
        this.id = id;
        this.bytesPerPixel = bytesPerPixel;
    }

    /** @return the wire value */
    public int wireId() {
        return id;
    }

    /** @return bytes per pixel, 0 for MONO (see {@link #rowBytes(int)}) */
    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /**
     * @param width pixels in a row
     * @return bytes in one tightly packed row
     */
    public int rowBytes(int width) {
        return this == MONO ? (width + 7) / 8 : width * bytesPerPixel;
    }

    /**
     * @param width pixels in a row
     * @param height rows
     * @return the uncompressed length of a bitmap in this format
     */
    public long dataLength(int width, int height) {
        return (long) rowBytes(width) * height;
    }

    /**
     * @param id a wire value
     * @return the format, or empty if v1 does not define it
     */
    public static Optional<PixelFormat> fromWireId(int id) {
        for (PixelFormat f : values()) {
            if (f.id == id) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
