package org.svp.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The X server's own screen as {@code xwd -root} writes it (X Window Dump, version 7, ZPixmap), read
 * into 0x00RRGGBB pixels: the reference every client's picture is compared with in {@code svp bench
 * x11}. Only the TrueColor 24/32-bit layouts a 24-bit Xvfb or Xvnc writes are read. Benchmark thread.
 *
 * @param width screen width
 * @param height screen height
 * @param pixels row-major 0x00RRGGBB
 */
record XwdImage(int width, int height, int[] pixels) {
    private static final int XWD_VERSION = 7;
    private static final int ZPIXMAP = 2;

    /**
     * Runs {@code xwd -root -silent} on {@code display} and reads its output.
     *
     * @param display e.g. ":0"
     * @return the screen
     * @throws IOException if xwd fails or writes something else than a 24/32-bit ZPixmap dump
     */
    static XwdImage captureRoot(String display) throws IOException, InterruptedException {
        // into a file, so the timeout holds: reading its pipe blocked for good when xwd itself waited
        // (seen twice with the workload frozen: a stopped client holding a server grab, likely)
        Path out = Files.createTempFile("svp-xwd", ".xwd");
        try {
            Process p = new ProcessBuilder("xwd", "-root", "-silent", "-display", display)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("xwd -root on " + display + " did not finish within 30 s (the X server does not"
                        + " answer it: a frozen workload client holding a server grab?)");
            }
            if (p.exitValue() != 0) {
                throw new IOException("xwd -root on " + display + " failed (exit " + p.exitValue() + ")");
            }
            return parse(Files.readAllBytes(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * @param xwd the bytes of an X Window Dump
     * @return its pixels
     * @throws IOException if it is not a 24/32-bit TrueColor ZPixmap dump
     */
    static XwdImage parse(byte[] xwd) throws IOException {
        if (xwd.length < 100) {
            throw new IOException("xwd output too short: " + xwd.length + " bytes");
        }
        ByteBuffer h = ByteBuffer.wrap(xwd).order(ByteOrder.BIG_ENDIAN);
        int headerSize = h.getInt(0);
        int version = h.getInt(4);
        int format = h.getInt(8);
        int width = h.getInt(16);
        int height = h.getInt(20);
        int byteOrder = h.getInt(28);
        int bitsPerPixel = h.getInt(44);
        int bytesPerLine = h.getInt(48);
        int redMask = h.getInt(56);
        int greenMask = h.getInt(60);
        int blueMask = h.getInt(64);
        int ncolors = h.getInt(76);
        if (version != XWD_VERSION || format != ZPIXMAP || (bitsPerPixel != 32 && bitsPerPixel != 24)) {
            throw new IOException("unsupported xwd dump: version " + version + ", format " + format + ", "
                    + bitsPerPixel + " bits per pixel");
        }
        long offset = (long) headerSize + 12L * ncolors;
        if (offset + (long) bytesPerLine * height > xwd.length || width <= 0 || height <= 0) {
            throw new IOException("xwd dump shorter than its " + width + "x" + height + " pixels");
        }
        int bpp = bitsPerPixel / 8;
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = (int) offset + y * bytesPerLine;
            for (int x = 0; x < width; x++) {
                int i = row + x * bpp;
                int v = 0;
                for (int b = 0; b < bpp; b++) {
                    int shift = byteOrder == 0 ? 8 * b : 8 * (bpp - 1 - b); // 0 = LSBFirst
                    v |= (xwd[i + b] & 0xFF) << shift;
                }
                px[y * width + x] = channel(v, redMask) << 16 | channel(v, greenMask) << 8 | channel(v, blueMask);
            }
        }
        return new XwdImage(width, height, px);
    }

    private static int channel(int v, int mask) {
        return mask == 0 ? 0 : ((v & mask) >>> Integer.numberOfTrailingZeros(mask)) & 0xFF;
    }
}
