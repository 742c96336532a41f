package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.protocol.error.PeerProtocolException;

/**
 * The check shared by the lossy decoders' harnesses: input u16 w, u16 h (each taken modulo
 * {@link #MAX_SIDE}), then the bitmap data, decoded into the middle of a larger buffer. Only a
 * {@link PeerProtocolException} may come out; nothing outside the bitmap's rectangle is written, and
 * every written pixel has its top byte clear.
 */
final class LossyDecodeCheck {
    static final int MAX_SIDE = 512;
    private static final int PAD = 2;
    private static final int FILL = 0x7F123456;

    private LossyDecodeCheck() {
    }

    static void check(BitmapCodec.Decoder decoder, byte[] input) {
        if (input.length < 4) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        int w = Math.floorMod(b.getShort(0), MAX_SIDE);
        int h = Math.floorMod(b.getShort(2), MAX_SIDE);
        byte[] data = Arrays.copyOfRange(input, 4, input.length);
        int stride = w + 2 * PAD;
        int[] dst = new int[stride * (h + 2 * PAD)];
        Arrays.fill(dst, FILL);
        try {
            decoder.decode(data, w, h, dst, PAD * stride + PAD, stride, 10);
        } catch (PeerProtocolException bad) {
            return;
        } finally {
            if (decoder instanceof AutoCloseable c) { // H264: free the native decoder now, not at some GC
                try {
                    c.close();
                } catch (Exception e) {
                    throw new AssertionError("closing the decoder", e);
                }
            }
        }
        for (int y = 0; y < h + 2 * PAD; y++) {
            for (int x = 0; x < stride; x++) {
                boolean inside = y >= PAD && y < PAD + h && x >= PAD && x < PAD + w;
                int p = dst[y * stride + x];
                if (!inside) {
                    assertThat(p).as("pixel (%d,%d) outside the bitmap", x, y).isEqualTo(FILL);
                } else if (p != FILL) {
                    assertThat(p & 0xFF000000).as("top byte of (%d,%d)", x, y).isZero();
                }
            }
        }
    }
}
