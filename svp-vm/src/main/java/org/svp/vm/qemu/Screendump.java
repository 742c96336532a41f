package org.svp.vm.qemu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * QEMU's picture of the guest screen, as its {@code screendump} command writes it: a binary PPM
 * ("P6", 8 bits per channel). The same display surface QEMU's VNC server sends to its clients.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb pixels, row by row, 0xRRGGBB
 */
public record Screendump(int width, int height, int[] rgb) {
    private static final int MAX_SIDE = 16384;

    /**
     * @param ppm a P6 file with maxval 255
     * @return its pixels
     * @throws IOException if it cannot be read or is not such a file
     */
    public static Screendump read(Path ppm) throws IOException {
        return parse(Files.readAllBytes(ppm));
    }

    static Screendump parse(byte[] bytes) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (!token(in).equals("P6")) {
            throw new IOException("not a binary PPM (P6) file");
        }
        int w = number(in);
        int h = number(in);
        int max = number(in);
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || max != 255) {
            throw new IOException("unsupported PPM: " + w + "x" + h + ", maxval " + max);
        }
        byte[] px = in.readNBytes(w * h * 3);
        if (px.length != w * h * 3) {
            throw new IOException("PPM pixels cut short: " + px.length + " of " + w * h * 3 + " bytes");
        }
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (px[3 * i] & 0xFF) << 16 | (px[3 * i + 1] & 0xFF) << 8 | px[3 * i + 2] & 0xFF;
        }
        return new Screendump(w, h, rgb);
    }

    /** A header token; the single whitespace byte after the last one (maxval) is consumed with it. */
    private static String token(InputStream in) throws IOException {
        StringBuilder t = new StringBuilder();
        for (int c = in.read(); ; c = in.read()) {
            if (c == '#' && t.isEmpty()) {
                while (c != '\n' && c != -1) {
                    c = in.read();
                }
            } else if (c == -1 || Character.isWhitespace(c)) {
                if (!t.isEmpty() || c == -1) {
                    return t.toString();
                }
            } else if (t.length() < 16) {
                t.append((char) c);
            } else {
                throw new IOException("PPM header token too long");
            }
        }
    }

    private static int number(InputStream in) throws IOException {
        try {
            return Integer.parseInt(token(in));
        } catch (NumberFormatException e) {
            throw new IOException("bad PPM header number", e);
        }
    }
}
