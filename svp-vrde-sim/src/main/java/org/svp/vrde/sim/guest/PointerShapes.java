package org.svp.vrde.sim.guest;

/**
 * The two pointer forms VirtualBox hands a VRDE module (spec §6), built from an ARGB image.
 * Stateless.
 */
public final class PointerShapes {
    private PointerShapes() {
    }

    /**
     * Legacy {@code VRDECOLORPOINTER}: 12-byte header (hotX, hotY, w, h, maskLen, dataLen as u16), the
     * AND mask (1 bpp, 1 = transparent) and 24-bpp B,G,R data, both bottom-up, as Main builds it.
     *
     * @param argb {@code w*h} pixels, top-down; alpha &gt; 0x7F is opaque
     * @return the bytes
     */
    public static byte[] color(int hotX, int hotY, int w, int h, int[] argb) {
        int maskRow = (w + 7) / 8;
        int maskLen = maskRow * h;
        int dataLen = w * 3 * h;
        LeBuffer b = new LeBuffer().u16(hotX).u16(hotY).u16(w).u16(h).u16(maskLen).u16(dataLen);
        byte[] mask = new byte[maskLen];
        byte[] data = new byte[dataLen];
        for (int row = 0; row < h; row++) {
            int src = h - 1 - row; // bottom-up
            for (int x = 0; x < w; x++) {
                int p = argb[src * w + x];
                if ((p >>> 24) <= 0x7F) {
                    mask[row * maskRow + x / 8] |= (byte) (0x80 >> (x & 7));
                } else {
                    data[row * w * 3 + x * 3] = (byte) p;
                    data[row * w * 3 + x * 3 + 1] = (byte) (p >> 8);
                    data[row * w * 3 + x * 3 + 2] = (byte) (p >> 16);
                }
            }
        }
        return b.bytes(mask).bytes(data).toArray();
    }

    /**
     * v4 {@code VRDEMOUSEPTRDATA}: 14-byte header (hotX, hotY, w, h, maskLen u16, dataLen u32), no AND
     * mask (an alpha pointer), then 32-bpp B,G,R,A top-down.
     *
     * @param argb {@code w*h} pixels, top-down
     * @return the bytes
     */
    public static byte[] mousePtr(int hotX, int hotY, int w, int h, int[] argb) {
        LeBuffer b = new LeBuffer().u16(hotX).u16(hotY).u16(w).u16(h).u16(0).u32(w * h * 4);
        for (int p : argb) {
            b.u32(p);
        }
        return b.toArray();
    }

    /**
     * A recognisable w×h arrow: opaque {@code rgb} with a black outline, transparent elsewhere.
     *
     * @return ARGB pixels, top-down
     */
    public static int[] arrow(int w, int h, int rgb) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            int span = Math.min(w, y * w / Math.max(1, h) + 1);
            for (int x = 0; x < span; x++) {
                boolean edge = x == 0 || x == span - 1 || y == h - 1;
                px[y * w + x] = 0xFF000000 | (edge ? 0 : rgb & 0xFFFFFF);
            }
        }
        return px;
    }
}
