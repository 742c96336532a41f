package org.svp.client.swing.x11;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an X Window Dump ({@code xwd} output, format version 7, ZPixmap, 24 or 32 bits per pixel, true
 * colour) into {@code 0x00RRGGBB} pixels. The header is 25 big-endian uint32 fields followed by the window
 * name and {@code ncolors} 12-byte colour entries; pixel byte order is the header's {@code byte_order}.
 *
 * @param width columns
 * @param height rows
 * @param rgb pixels, row-major
 */
public record XwdImage(int width, int height, int[] rgb) {
    private static final int ZPIXMAP = 2;
    private static final int COLOR_ENTRY = 12;

    /**
     * @param file an xwd file
     * @return its pixels
     * @throws IOException if unreadable or a format this reader does not know
     */
    public static XwdImage read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.BIG_ENDIAN);
        int[] h = new int[25];
        for (int i = 0; i < h.length; i++) {
            h[i] = b.getInt();
        }
        int headerSize = h[0];
        int version = h[1];
        int format = h[2];
        int width = h[4];
        int height = h[5];
        int byteOrder = h[7];
        int bitsPerPixel = h[11];
        int bytesPerLine = h[12];
        int redMask = h[14];
        int greenMask = h[15];
        int blueMask = h[16];
        int ncolors = h[19];
        if (version != 7 || format != ZPIXMAP || (bitsPerPixel != 32 && bitsPerPixel != 24)) {
            throw new IOException("unsupported xwd: version " + version + ", format " + format + ", "
                    + bitsPerPixel + " bpp");
        }
        int offset = headerSize + ncolors * COLOR_ENTRY;
        int bpp = bitsPerPixel / 8;
        int[] rgb = new int[width * height];
        byte[] data = b.array();
        for (int y = 0; y < height; y++) {
            int row = offset + y * bytesPerLine;
            for (int x = 0; x < width; x++) {
                int p = row + x * bpp;
                int v = 0;
                for (int k = 0; k < bpp; k++) {
                    int byteVal = data[p + k] & 0xFF;
                    v |= byteOrder == 0 ? byteVal << (8 * k) : byteVal << (8 * (bpp - 1 - k));
                }
                rgb[y * width + x] = channel(v, redMask) << 16 | channel(v, greenMask) << 8 | channel(v, blueMask);
            }
        }
        return new XwdImage(width, height, rgb);
    }

    private static int channel(int v, int mask) {
        int shift = Integer.numberOfTrailingZeros(mask);
        int bits = Integer.bitCount(mask);
        int c = (v & mask) >>> shift;
        return bits >= 8 ? c >>> (bits - 8) : c << (8 - bits);
    }

    /**
     * @param x left
     * @param y top
     * @param w columns
     * @param h rows
     * @return that rect's pixels, row-major
     */
    public int[] crop(int x, int y, int w, int h) {
        int[] out = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, (y + row) * width + x, out, row * w, w);
        }
        return out;
    }
}
