package org.svp.source.vrde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds VRDEUpdate order buffers byte by byte from ../shared/spec/vrde.md §4's layouts (independent of
 * the parser under test). Test thread.
 */
final class OrderBuffer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts with the VRDEORDERHDR. */
    OrderBuffer(int x, int y, int w, int h) {
        s16(x).s16(y).s16(w).s16(h);
    }

    OrderBuffer code(int c) {
        return u32(c);
    }

    OrderBuffer u8(int v) {
        out.write(v);
        return this;
    }

    OrderBuffer s16(int v) {
        out.write(v);
        out.write(v >> 8);
        return this;
    }

    OrderBuffer u32(int v) {
        s16(v);
        return s16(v >> 16);
    }

    OrderBuffer u64(long v) {
        u32((int) v);
        return u32((int) (v >>> 32));
    }

    OrderBuffer bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    OrderBuffer area(int x, int y, int w, int h) {
        return s16(x).s16(y).s16(w).s16(h);
    }

    OrderBuffer dirtyRect(int x, int y, int w, int h, int cbPixel, byte[] bits) {
        return code(0).dataBits(x, y, w, h, cbPixel, bits);
    }

    OrderBuffer dataBits(int x, int y, int w, int h, int cbPixel, byte[] bits) {
        return u32(bits.length).s16(x).s16(y).s16(w).s16(h).u8(cbPixel).bytes(bits);
    }

    OrderBuffer solidRect(int x, int y, int w, int h, int rgb) {
        return code(1).area(x, y, w, h).u32(rgb);
    }

    OrderBuffer solidBlt(int x, int y, int w, int h, int rgb, int rop) {
        return code(2).area(x, y, w, h).u32(rgb).u8(rop);
    }

    OrderBuffer dstBlt(int x, int y, int w, int h, int rop) {
        return code(3).area(x, y, w, h).u8(rop);
    }

    OrderBuffer screenBlt(int x, int y, int w, int h, int xs, int ys, int rop) {
        return code(4).area(x, y, w, h).s16(xs).s16(ys).u8(rop);
    }

    OrderBuffer patBlt(int x, int y, int w, int h, int bx, int by, int fg, int bg, int rop, byte[] pattern) {
        return code(5).area(x, y, w, h).u8(bx).u8(by).u32(fg).u32(bg).u8(rop).bytes(pattern);
    }

    OrderBuffer memBlt(int x, int y, int w, int h, int xs, int ys, int rop, byte[] hash) {
        return code(6).area(x, y, w, h).s16(xs).s16(ys).u8(rop).bytes(hash);
    }

    OrderBuffer cachedBitmap(byte[] hash, int w, int h, int cbPixel, byte[] bits) {
        return code(7).bytes(hash).dataBits(0, 0, w, h, cbPixel, bits);
    }

    OrderBuffer deletedBitmap(byte[] hash) {
        return code(8).bytes(hash);
    }

    OrderBuffer line(int x1, int y1, int x2, int y2, int mix, int rgb) {
        return code(9).s16(x1).s16(y1).s16(x2).s16(y2).s16(Math.min(x1, x2)).s16(Math.min(y1, y2))
                .s16(Math.max(x1, x2)).s16(Math.max(y1, y2)).u8(mix).u32(rgb);
    }

    /** BOUNDS with pt2 exclusive. */
    OrderBuffer bounds(int left, int top, int right, int bottom) {
        return code(10).s16(left).s16(top).s16(right).s16(bottom);
    }

    OrderBuffer repeat(int left, int top, int right, int bottom) {
        return code(11).s16(left).s16(top).s16(right).s16(bottom);
    }

    OrderBuffer polyline(int sx, int sy, int mix, int rgb, int[][] points) {
        code(12).s16(sx).s16(sy).u8(mix).u32(rgb).u8(points.length);
        for (int i = 0; i < 16; i++) {
            s16(i < points.length ? points[i][0] : 0x7777).s16(i < points.length ? points[i][1] : 0x7777);
        }
        return this;
    }

    OrderBuffer ellipse(int x1, int y1, int x2, int y2, int mix, int fill, int rgb) {
        return code(13).s16(x1).s16(y1).s16(x2).s16(y2).u8(mix).u8(fill).u32(rgb);
    }

    OrderBuffer saveScreen(int x1, int y1, int x2, int y2, int ident, int restore) {
        return code(14).s16(x1).s16(y1).s16(x2).s16(y2).u8(ident).u8(restore);
    }

    /** One glyph: o32NextGlyph = 24 + padded bitmap (+ extra, to test stepping by it). */
    static byte[] glyph(long handle, int x, int y, int w, int h, int xo, int yo, byte[] bits, int extra) {
        int padded = (((w + 7) / 8) * h + 3) & ~3;
        int size = 24 + padded + extra;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(size).putLong(handle).putShort((short) x).putShort((short) y).putShort((short) w).putShort((short) h)
                .putShort((short) xo).putShort((short) yo).put(bits);
        return b.array();
    }

    OrderBuffer text(int[] bg, int[] opaque, int flags, int charInc, int fg, int bgColor, byte[]... glyphs) {
        int total = 34;
        for (byte[] g : glyphs) {
            total += g.length;
        }
        code(15).u32(total).area(bg[0], bg[1], bg[2], bg[3]).area(opaque[0], opaque[1], opaque[2], opaque[3]);
        int max = 0;
        for (byte[] g : glyphs) {
            max = Math.max(max, g.length - 24);
        }
        s16(max).u8(glyphs.length).u8(flags).s16(charInc).u32(fg).u32(bgColor);
        for (byte[] g : glyphs) {
            bytes(g);
        }
        return this;
    }

    byte[] build() {
        return out.toByteArray();
    }
}
