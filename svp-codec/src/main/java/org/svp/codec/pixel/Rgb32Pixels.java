package org.svp.codec.pixel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * RGB32 rows: 4 bytes a pixel, little-endian {@code 0x00RRGGBB} (bytes B, G, R, X). The hot path of
 * every full-screen update, so each row moves as one bulk copy through a little-endian {@link IntBuffer}
 * view of the byte array (a memory copy whichever JIT runs it; a per-pixel {@code VarHandle} loop cost
 * 1.5–2.3 ns a pixel under the server's C1, the copy and the X-byte pass 0.5–1.3), then the X byte is
 * cleared in a pass of its own. Stateless; called from any thread via {@link PixelConverter}.
 */
final class Rgb32Pixels {
    private Rgb32Pixels() {
    }

    static void toRgb(byte[] src, int srcOffset, int w, int h, int[] dst, int dstOffset, int dstStride) {
        if (w <= 0 || h <= 0) {
            return;
        }
        IntBuffer in = ints(src, srcOffset, w, h);
        int d = dstOffset;
        for (int y = 0; y < h; y++) {
            in.get(y * w, dst, d, w);
            for (int i = d, end = d + w; i < end; i++) {
                dst[i] &= 0xFFFFFF;
            }
            d += dstStride;
        }
    }

    static void fromRgb(int[] src, int srcOffset, int srcStride, int w, int h, byte[] dst, int dstOffset) {
        if (w <= 0 || h <= 0) {
            return;
        }
        IntBuffer out = ints(dst, dstOffset, w, h);
        for (int y = 0; y < h; y++) {
            out.put(y * w, src, srcOffset + y * srcStride, w);
        }
        for (int k = dstOffset + 3, end = dstOffset + 4 * w * h; k < end; k += 4) {
            dst[k] = 0;
        }
    }

    /** The w × h pixels at {@code offset} as a little-endian int view (bounds checked here, at once). */
    private static IntBuffer ints(byte[] bytes, int offset, int w, int h) {
        return ByteBuffer.wrap(bytes, offset, Math.multiplyExact(4 * w, h)).slice().order(ByteOrder.LITTLE_ENDIAN)
                .asIntBuffer();
    }
}
