package org.svp.render;

import java.util.Arrays;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;

/** Small builders shared by the renderer tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Surface filled(int w, int h, int colour) {
        Surface s = new Surface(w, h);
        Arrays.fill(s.pixels(), colour);
        return s;
    }

    static BitmapHash hash(int n) {
        byte[] b = new byte[16];
        b[0] = (byte) n;
        return BitmapHash.of(b);
    }

    /** A RAW bitmap of the given pixels in the given format. */
    static Bitmap bitmap(PixelFormat f, int x, int y, int w, int h, int[] px) {
        byte[] data = new byte[(int) f.dataLength(w, h)];
        PixelConverter.fromRgb(px, 0, w, w, h, f, data, 0);
        return new Bitmap(f, CodecId.RAW, x, y, w, h, data);
    }

    /** Pixels whose value is their index times a step (distinct, top byte zero). */
    static int[] ramp(int n) {
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = (i * 0x010305 + 0x102030) & 0xFFFFFF;
        }
        return px;
    }

    /** Counts pixels of a colour. */
    static int count(Surface s, int colour) {
        int n = 0;
        for (int p : s.pixels()) {
            if (p == colour) {
                n++;
            }
        }
        return n;
    }
}
