package org.svp.source.vrde.pointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.svp.protocol.message.CursorShape;

/**
 * Pointer shapes to the cursor channel's form (AND mask rows of (w+7)/8 bytes and B,G,R colour, both
 * top row first; AND 1 + colour 0 = transparent, AND 1 + colour ≠ 0 = invert, as Windows cursors):
 * <ul>
 * <li>legacy {@code VRDECOLORPOINTER} (12-byte header, AND mask, 24-bpp data, both bottom-up);</li>
 * <li>v4 {@code VRDEMOUSEPTRDATA} (14-byte header, optional AND mask, 32-bpp B,G,R,A data, top-down;
 * without a mask alpha below 128 is transparent, as svp-source-x11's CursorConverter does);</li>
 * <li>hide → a 1×1 transparent shape.</li>
 * </ul>
 * Shapes above {@value #MAX_SIDE} pixels a side are scaled down (nearest neighbour, hot spot scaled)
 * because a cursor message's planes have 16-bit lengths; the server's CursorFitter shrinks further for
 * v1 clients. Stateless; "svp-vrde" thread.
 */
public final class PointerShapes {
    /** Largest side kept as is. */
    static final int MAX_SIDE = 128;
    private static final int OPAQUE = 128;

    private PointerShapes() {
    }

    /** @return the hidden pointer: one transparent pixel */
    public static CursorShape hidden() {
        return new CursorShape(0, 0, 1, 1, new byte[] {(byte) 0x80}, new byte[3]);
    }

    /**
     * @param b the VRDECOLORPOINTER and what follows, little-endian, position at its start
     * @return the shape
     * @throws IllegalArgumentException if the lengths do not fit the data
     */
    public static CursorShape legacy(ByteBuffer b) {
        b = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        need(b, 12);
        int hx = b.getShort(0) & 0xFFFF;
        int hy = b.getShort(2) & 0xFFFF;
        int w = b.getShort(4) & 0xFFFF;
        int h = b.getShort(6) & 0xFFFF;
        int maskLen = b.getShort(8) & 0xFFFF;
        int dataLen = b.getShort(10) & 0xFFFF;
        checkSize(w, h);
        need(b, 12 + maskLen + dataLen);
        int maskRow = (w + 7) / 8;
        int dataRow = w * 3;
        int srcMaskRow = maskLen / h;
        int srcDataRow = dataLen / h;
        if (srcMaskRow < maskRow || srcDataRow < dataRow) {
            throw new IllegalArgumentException("pointer " + w + "x" + h + " with mask " + maskLen + " / data " + dataLen
                    + " bytes");
        }
        byte[] mask = new byte[maskRow * h];
        byte[] color = new byte[dataRow * h];
        for (int y = 0; y < h; y++) {
            int src = h - 1 - y; // bottom-up
            b.get(12 + src * srcMaskRow, mask, y * maskRow, maskRow);
            b.get(12 + maskLen + src * srcDataRow, color, y * dataRow, dataRow);
        }
        return fit(hx, hy, w, h, mask, color);
    }

    /**
     * @param b the VRDEMOUSEPTRDATA and what follows, little-endian, position at its start
     * @return the shape
     * @throws IllegalArgumentException if the lengths do not fit the data
     */
    public static CursorShape mousePtr(ByteBuffer b) {
        b = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        need(b, 14);
        int hx = b.getShort(0) & 0xFFFF;
        int hy = b.getShort(2) & 0xFFFF;
        int w = b.getShort(4) & 0xFFFF;
        int h = b.getShort(6) & 0xFFFF;
        int maskLen = b.getShort(8) & 0xFFFF;
        long dataLen = b.getInt(10) & 0xFFFFFFFFL;
        checkSize(w, h);
        int maskRow = (w + 7) / 8;
        if (dataLen < 4L * w * h || (maskLen != 0 && maskLen < maskRow * h)) {
            throw new IllegalArgumentException("pointer " + w + "x" + h + " with mask " + maskLen + " / data " + dataLen
                    + " bytes");
        }
        need(b, 14 + maskLen + 4L * w * h);
        byte[] mask = new byte[maskRow * h];
        byte[] color = new byte[3 * w * h];
        int data = 14 + maskLen;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = data + 4 * (y * w + x);
                int i = y * w + x;
                boolean transparent;
                if (maskLen != 0) {
                    transparent = (b.get(14 + y * maskRow + x / 8) & (0x80 >>> (x & 7))) != 0;
                    color[3 * i] = b.get(s);
                    color[3 * i + 1] = b.get(s + 1);
                    color[3 * i + 2] = b.get(s + 2);
                } else {
                    transparent = (b.get(s + 3) & 0xFF) < OPAQUE;
                    if (!transparent) {
                        color[3 * i] = b.get(s);
                        color[3 * i + 1] = b.get(s + 1);
                        color[3 * i + 2] = b.get(s + 2);
                    }
                }
                if (transparent) {
                    mask[y * maskRow + x / 8] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return fit(hx, hy, w, h, mask, color);
    }

    private static void checkSize(int w, int h) {
        if (w < 1 || h < 1 || w > 256 || h > 256) {
            throw new IllegalArgumentException("pointer size " + w + "x" + h + " is not 1..256 a side");
        }
    }

    private static void need(ByteBuffer b, long n) {
        if (b.remaining() < n) {
            throw new IllegalArgumentException("pointer record has " + b.remaining() + " bytes, needs " + n);
        }
    }

    private static CursorShape fit(int hx, int hy, int w, int h, byte[] mask, byte[] color) {
        hx = Math.min(hx, w - 1);
        hy = Math.min(hy, h - 1);
        if (w <= MAX_SIDE && h <= MAX_SIDE) {
            return new CursorShape(hx, hy, w, h, mask, color);
        }
        int nw = Math.max(1, w * MAX_SIDE / Math.max(w, h));
        int nh = Math.max(1, h * MAX_SIDE / Math.max(w, h));
        int row = (w + 7) / 8;
        int nrow = (nw + 7) / 8;
        byte[] m = new byte[nrow * nh];
        byte[] c = new byte[3 * nw * nh];
        for (int y = 0; y < nh; y++) {
            int sy = y * h / nh;
            for (int x = 0; x < nw; x++) {
                int sx = x * w / nw;
                if ((mask[sy * row + sx / 8] & (0x80 >>> (sx & 7))) != 0) {
                    m[y * nrow + x / 8] |= (byte) (0x80 >>> (x & 7));
                }
                System.arraycopy(color, 3 * (sy * w + sx), c, 3 * (y * nw + x), 3);
            }
        }
        return new CursorShape(hx * nw / w, hy * nh / h, nw, nh, m, c);
    }
}
