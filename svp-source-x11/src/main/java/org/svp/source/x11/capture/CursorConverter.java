package org.svp.source.x11.capture;

import org.svp.protocol.message.CursorShape;
import org.svp.source.x11.xlib.CursorImage;

/**
 * XFixes cursor images (premultiplied ARGB) to v1 cursor shapes: alpha below {@value #OPAQUE} is
 * transparent (AND 1, colour 0), the rest opaque (AND 0, colour B,G,R). Thread: "svp-x11".
 */
public final class CursorConverter {
    /** Alpha from which a pixel counts as opaque (v1 cursors have no partial transparency). */
    static final int OPAQUE = 128;

    private CursorConverter() {
    }

    /**
     * @param img the X cursor
     * @return the same shape for the cursor channel
     */
    public static CursorShape toShape(CursorImage img) {
        int w = img.width();
        int h = img.height();
        int rowBytes = (w + 7) / 8;
        byte[] mask = new byte[rowBytes * h];
        byte[] color = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.argb()[y * w + x];
                int i = y * w + x;
                if ((p >>> 24) < OPAQUE) {
                    mask[y * rowBytes + x / 8] |= (byte) (0x80 >>> (x & 7));
                } else {
                    color[i * 3] = (byte) p;
                    color[i * 3 + 1] = (byte) (p >>> 8);
                    color[i * 3 + 2] = (byte) (p >>> 16);
                }
            }
        }
        return new CursorShape(Math.min(img.xHot(), Math.max(0, w - 1)), Math.min(img.yHot(), Math.max(0, h - 1)),
                w, h, mask, color);
    }
}
