package org.svp.source.vrde.pixels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;

/**
 * Framebuffer rows (top row first, as VirtualBox's framebuffer and the guest's VRDEDATABITS hold them)
 * to RAW SVP bitmaps: 32 bpp (B,G,R,X) → RGB32 with X cleared; 24 (B,G,R) → BGR24; 16 (RGB565 LE) →
 * RGB16; 15 (RGB555 LE) and 8 (RGB 3-3-2, VirtualBox gives no palette) → RGB32, each channel widened
 * by bit replication. The server's encoders convert per client. Stateless; "svp-vrde" thread.
 */
public final class FramebufferPixels {
    private FramebufferPixels() {
    }

    /** @return true for the depths {@link #toBitmap} reads */
    public static boolean supported(int bpp) {
        return bpp == 32 || bpp == 24 || bpp == 16 || bpp == 15 || bpp == 8;
    }

    /** @return bytes per pixel of a framebuffer depth */
    public static int bytesPerPixel(int bpp) {
        return (bpp + 7) / 8;
    }

    /**
     * @param src the rows
     * @param offset where the top row starts in {@code src}
     * @param rowBytes distance between rows in {@code src} (at least w × bytes per pixel)
     * @param bpp 32, 24, 16, 15 or 8
     * @param x screen position
     * @param y screen position
     * @param w width
     * @param h height
     * @return a RAW bitmap with the same pixels
     * @throws IllegalArgumentException for another depth or rows that do not fit in {@code src}
     */
    public static Bitmap toBitmap(MemorySegment src, long offset, long rowBytes, int bpp, int x, int y, int w, int h) {
        if (!supported(bpp)) {
            throw new IllegalArgumentException("unsupported framebuffer depth " + bpp + " bpp");
        }
        int bpx = bytesPerPixel(bpp);
        long rowLen = (long) w * bpx;
        if (w < 0 || h < 0 || rowBytes < rowLen || offset < 0
                || (h > 0 && offset + rowBytes * (h - 1) + rowLen > src.byteSize())) {
            throw new IllegalArgumentException("a " + w + "x" + h + " " + bpp + "-bpp area with rows of " + rowBytes
                    + " bytes does not fit in " + (src.byteSize() - offset) + " bytes");
        }
        PixelFormat fmt = switch (bpp) {
            case 24 -> PixelFormat.BGR24;
            case 16 -> PixelFormat.RGB16;
            default -> PixelFormat.RGB32;
        };
        byte[] out = new byte[Math.toIntExact(fmt.dataLength(w, h))];
        int outRow = fmt.rowBytes(w);
        for (int r = 0; r < h; r++) {
            long s = offset + r * rowBytes;
            int d = r * outRow;
            switch (bpp) {
                case 32 -> {
                    MemorySegment.copy(src, ValueLayout.JAVA_BYTE, s, out, d, (int) rowLen);
                    for (int i = d + 3; i < d + outRow; i += 4) {
                        out[i] = 0;
                    }
                }
                case 24, 16 -> MemorySegment.copy(src, ValueLayout.JAVA_BYTE, s, out, d, (int) rowLen);
                case 15 -> {
                    for (int i = 0; i < w; i++) {
                        int p = (src.get(ValueLayout.JAVA_BYTE, s + 2L * i) & 0xFF)
                                | (src.get(ValueLayout.JAVA_BYTE, s + 2L * i + 1) & 0xFF) << 8;
                        put(out, d + 4 * i, widen5(p >> 10), widen5(p >> 5), widen5(p));
                    }
                }
                default -> {
                    for (int i = 0; i < w; i++) {
                        int p = src.get(ValueLayout.JAVA_BYTE, s + i) & 0xFF;
                        put(out, d + 4 * i, widen3(p >> 5), widen3(p >> 2), (p & 3) * 0x55);
                    }
                }
            }
        }
        return new Bitmap(fmt, CodecId.RAW, x, y, w, h, out);
    }

    /**
     * The same as {@link #toBitmap(MemorySegment, long, long, int, int, int, int, int)} for bytes.
     */
    public static Bitmap toBitmap(byte[] src, int offset, int rowBytes, int bpp, int x, int y, int w, int h) {
        return toBitmap(MemorySegment.ofArray(src), offset, rowBytes, bpp, x, y, w, h);
    }

    /** @return the 8-bit value of a 3-3-2 pixel's channels as 0x00RRGGBB */
    public static int rgb332(int p) {
        return widen3(p >> 5) << 16 | widen3(p >> 2) << 8 | (p & 3) * 0x55;
    }

    private static void put(byte[] out, int i, int r, int g, int b) {
        out[i] = (byte) b;
        out[i + 1] = (byte) g;
        out[i + 2] = (byte) r;
        out[i + 3] = 0;
    }

    private static int widen5(int v) {
        v &= 31;
        return v << 3 | v >> 2;
    }

    private static int widen3(int v) {
        v &= 7;
        return v << 5 | v << 2 | v >> 1;
    }
}
