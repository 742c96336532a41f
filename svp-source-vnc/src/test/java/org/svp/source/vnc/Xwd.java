package org.svp.source.vnc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads {@code xwd -root} output (ZPixmap, 32 bits a pixel, either byte order) into 0x00RRGGBB pixels. */
final class Xwd {
    private Xwd() {
    }

    static int[] pixels(byte[] file, int width, int height) throws IOException {
        ByteBuffer h = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
        if (file.length < 100 || h.getInt(8) != 2 || h.getInt(44) != 32) {
            throw new IOException("not a 32-bit ZPixmap xwd file");
        }
        if (h.getInt(16) != width || h.getInt(20) != height) {
            throw new IOException("xwd size " + h.getInt(16) + "x" + h.getInt(20) + ", expected " + width + "x" + height);
        }
        int offset = h.getInt(0) + h.getInt(76) * 12;
        int bytesPerLine = h.getInt(48);
        ByteBuffer px = ByteBuffer.wrap(file).order(h.getInt(28) == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                rgb[y * width + x] = px.getInt(offset + y * bytesPerLine + x * 4) & 0xFFFFFF;
            }
        }
        return rgb;
    }
}
