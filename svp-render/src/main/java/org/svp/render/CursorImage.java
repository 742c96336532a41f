package org.svp.render;

import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.CursorShape;

/**
 * Turns a CURSOR shape (protocol.md §6: 1-bpp AND mask, then B,G,R colour) into ARGB pixels for a
 * viewer. Per pixel: AND = 0 → the colour, opaque; AND = 1 and colour = 0 → transparent; AND = 1 and
 * colour ≠ 0 → "invert the screen", which {@link #invertMask} reports so that a viewer able to XOR can
 * do it exactly.
 *
 * <p>{@link #toArgb} approximates inverting pixels, since an ARGB image cannot invert: they become
 * opaque black, and transparent pixels next to them (4-neighbours) become opaque white, so an I-beam
 * or an inverting arrow stays visible on dark and light backgrounds.
 *
 * <p>Tolerant of v1 quirks: the mask row length is {@code mask_len / h} (a v1 server may send
 * {@code w / 8}-byte rows), and bits or colour bytes past the end of short data read as 0. Stateless;
 * any thread may call it (the client's cursor channel thread, the viewer's UI thread). A shape over
 * {@link ProtocolLimits#MAX_CURSOR_SIDE} a side is refused before anything is allocated: its size is
 * the peer's word, and 65535 × 65535 would be 16 GiB of pixels (found by CursorChannelFuzz).
 */
public final class CursorImage {
    /** Opaque alpha. */
    private static final int OPAQUE = 0xFF000000;

    private CursorImage() {
    }

    /**
     * @param c
     *     the cursor as received
     * @return {@code w × h} ARGB pixels, row-major: alpha 0xFF opaque, 0 transparent (then the whole
     *     int is 0)
     */
    public static int[] toArgb(CursorShape c) {
        checkSize(c);
        int w = Math.max(0, c.width());
        int h = Math.max(0, c.height());
        int[] out = new int[w * h];
        boolean[] invert = invertMask(c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (invert[i]) {
                    out[i] = OPAQUE;
                } else if (!andBit(c, x, y)) {
                    out[i] = OPAQUE | colour(c, x, y);
                }
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (out[i] == 0 && !invert[i] && touchesInvert(invert, w, h, x, y)) {
                    out[i] = OPAQUE | 0xFFFFFF;
                }
            }
        }
        return out;
    }

    /**
     * @param c
     *     the cursor as received
     * @return {@code w × h} flags, row-major: true where the cursor inverts the screen (AND = 1, colour ≠ 0)
     */
    public static boolean[] invertMask(CursorShape c) {
        checkSize(c);
        int w = Math.max(0, c.width());
        int h = Math.max(0, c.height());
        boolean[] out = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = andBit(c, x, y) && colour(c, x, y) != 0;
            }
        }
        return out;
    }

    /**
     * @param c a shape as received
     * @throws PeerProtocolException BAD_FIELD when a side is over {@link ProtocolLimits#MAX_CURSOR_SIDE}
     */
    public static void checkSize(CursorShape c) {
        if (c.width() > ProtocolLimits.MAX_CURSOR_SIDE || c.height() > ProtocolLimits.MAX_CURSOR_SIDE) {
            throw new PeerProtocolException(SvpStatus.BAD_FIELD, c.command().wireId(), 4, "cursor " + c.width() + "x"
                    + c.height() + " is larger than " + ProtocolLimits.MAX_CURSOR_SIDE + " a side");
        }
    }

    /** @return the AND bit of (x, y); missing mask bytes read as 0 */
    private static boolean andBit(CursorShape c, int x, int y) {
        byte[] mask = c.andMask();
        if (mask == null || c.height() <= 0) {
            return false;
        }
        int rowBytes = mask.length / c.height();
        int byteIndex = x >> 3;
        if (byteIndex >= rowBytes) {
            return false;
        }
        return ((mask[y * rowBytes + byteIndex] >> (7 - (x & 7))) & 1) != 0;
    }

    /** @return the colour of (x, y) as {@code 0x00RRGGBB}; missing bytes read as 0 */
    private static int colour(CursorShape c, int x, int y) {
        byte[] bgr = c.color();
        int i = (y * c.width() + x) * 3;
        if (bgr == null || i + 2 >= bgr.length) {
            return 0;
        }
        return (bgr[i + 2] & 0xFF) << 16 | (bgr[i + 1] & 0xFF) << 8 | (bgr[i] & 0xFF);
    }

    private static boolean touchesInvert(boolean[] invert, int w, int h, int x, int y) {
        return (x > 0 && invert[y * w + x - 1]) || (x + 1 < w && invert[y * w + x + 1])
                || (y > 0 && invert[(y - 1) * w + x]) || (y + 1 < h && invert[(y + 1) * w + x]);
    }
}
