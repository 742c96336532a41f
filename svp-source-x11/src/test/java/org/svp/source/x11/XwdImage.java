package org.svp.source.x11;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A minimal XWD reader for {@code xwd -root} output: ZPixmap, depth 24, 32 bits per pixel, either byte
 * order. The header's CARD32 fields are big-endian; pixel byte order is the header's byte_order.
 *
 * @param width columns
 * @param height rows
 * @param rgb pixels 0x00RRGGBB, stride = width
 */
record XwdImage(int width, int height, int[] rgb) {
    private static final int Z_PIXMAP = 2;

    static XwdImage read(byte[] file) throws IOException {
        ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        int headerSize = h.getInt(0);
        int format = h.getInt(8);
        int width = h.getInt(16);
        int height = h.getInt(20);
        int byteOrder = h.getInt(28);
        int bpp = h.getInt(44);
        int bytesPerLine = h.getInt(48);
        int ncolors = h.getInt(76);
        if (format != Z_PIXMAP || bpp != 32) {
            throw new IOException("only ZPixmap at 32 bpp is supported, got format " + format + ", " + bpp + " bpp");
        }
        int offset = headerSize + ncolors * 12;
        ByteBuffer px = ByteBuffer.wrap(file).order(byteOrder == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = px.getInt(offset + y * bytesPerLine + x * 4) & 0xFFFFFF;
            }
        }
        return new XwdImage(width, height, rgb);
    }
}
