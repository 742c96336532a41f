package org.svp.codec.pixel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * RGB32 rows: 4 bytes a pixel, little-endian {@code 0x00RRGGBB} (bytes B, G, R, X). The hot path of
 * every full-screen update, so it reads and writes whole ints through a little-endian
 * {@link VarHandle} view of the byte array. Stateless; called from any thread via
 * {@link PixelConverter}.
 */
final class Rgb32Pixels {
    /** Little-endian int view of a byte[]; intrinsified by the JIT into plain loads and stores. */
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Rgb32Pixels() {
    }

    static void toRgb(byte[] src, int srcOffset, int w, int h, int[] dst, int dstOffset, int dstStride) {
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                dst[d + x] = (int) INT_LE.get(src, s + (x << 2)) & 0xFFFFFF;
            }
            s += w << 2;
            d += dstStride;
        }
    }

    static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, byte[] dst, int dstOffset) {
        int s = srcOffset;
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                INT_LE.set(dst, d + (x << 2), src[s + x] & 0xFFFFFF);
            }
            s += srcStride;
            d += w << 2;
        }
    }
}
