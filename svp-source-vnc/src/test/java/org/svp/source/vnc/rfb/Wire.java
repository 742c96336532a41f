package org.svp.source.vnc.rfb;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Builds RFB byte streams by hand for decoder tests (big-endian numbers, as on the wire). */
final class Wire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Wire u8(int... values) {
        for (int v : values) {
            out.write(v);
        }
        return this;
    }

    Wire u16(int v) {
        return u8(v >>> 8 & 0xFF, v & 0xFF);
    }

    Wire u32(long v) {
        return u8((int) (v >>> 24 & 0xFF), (int) (v >>> 16 & 0xFF), (int) (v >>> 8 & 0xFF), (int) (v & 0xFF));
    }

    Wire bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    /** A pixel in the client's format: B, G, R, 0. */
    Wire pixel(int rgb) {
        return u8(rgb & 0xFF, rgb >>> 8 & 0xFF, rgb >>> 16 & 0xFF, 0);
    }

    /** FramebufferUpdate header. */
    Wire update(int rects) {
        return u8(0, 0).u16(rects);
    }

    /** Rectangle header. */
    Wire rect(int x, int y, int w, int h, int encoding) {
        return u16(x).u16(y).u16(w).u16(h).u32(encoding);
    }

    byte[] toArray() {
        return out.toByteArray();
    }

    /** Compresses with sync flush, continuing {@code deflater}'s stream (as RFB servers do per rectangle). */
    static byte[] deflate(Deflater deflater, byte[] data) {
        deflater.setInput(data);
        byte[] buf = new byte[data.length * 2 + 64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return java.util.Arrays.copyOf(buf, n);
    }
}
