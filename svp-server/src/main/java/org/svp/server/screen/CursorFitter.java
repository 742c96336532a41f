package org.svp.server.screen;

import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.wire.MessageWriter;

/**
 * Makes a cursor shape safe for v1 clients: the first v1 client read the cursor channel into an 8 KiB
 * buffer (protocol.md §6), so a larger shape is scaled down (nearest neighbour, hot spot scaled too)
 * until its message fits. Also normalises mask rows to (w+7)/8 bytes. Called on the I/O thread.
 */
public final class CursorFitter {
    private CursorFitter() {
    }

    /**
     * @param c a shape from a source
     * @return {@code c} if it fits in 8 KiB, else a scaled-down copy that does
     */
    public static CursorShape fitV1(CursorShape c) {
        if (ProtocolLimits.HEADER_LENGTH + MessageWriter.bodySize(c) <= ProtocolLimits.V1_CURSOR_MESSAGE_LIMIT) {
            return c;
        }
        int w = c.width();
        int h = c.height();
        while (messageSize(w, h) > ProtocolLimits.V1_CURSOR_MESSAGE_LIMIT) {
            w = Math.max(1, w * 3 / 4);
            h = Math.max(1, h * 3 / 4);
        }
        return scale(c, w, h);
    }

    private static int messageSize(int w, int h) {
        return ProtocolLimits.HEADER_LENGTH + CursorShape.HEADER_BYTES + ((w + 7) / 8) * h + 3 * w * h;
    }

    private static CursorShape scale(CursorShape c, int w, int h) {
        int srcRow = c.height() == 0 ? 0 : c.andMask().length / c.height();
        int dstRow = (w + 7) / 8;
        byte[] mask = new byte[dstRow * h];
        byte[] color = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            int sy = y * c.height() / h;
            for (int x = 0; x < w; x++) {
                int sx = x * c.width() / w;
                int mi = sy * srcRow + sx / 8;
                boolean and = mi < c.andMask().length && (c.andMask()[mi] & (0x80 >> (sx & 7))) != 0;
                if (and) {
                    mask[y * dstRow + x / 8] |= (byte) (0x80 >> (x & 7));
                }
                int si = 3 * (sy * c.width() + sx);
                int di = 3 * (y * w + x);
                if (si + 2 < c.color().length) {
                    System.arraycopy(c.color(), si, color, di, 3);
                }
            }
        }
        return new CursorShape(c.xHot() * w / c.width(), c.yHot() * h / c.height(), w, h, mask, color);
    }
}
