package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.codec.zstream.ZstreamCodec;
import org.svp.protocol.error.PeerProtocolException;

/**
 * Client side: a hostile server's ZSTREAM bitmaps (codec 8), several in a row through one decoder, as
 * one display connection sees them (the decoder keeps the stream's history). Input: repeated
 * {u8 w, u8 h, u16 LE length, length bytes of data}. Only a {@link PeerProtocolException} may come
 * out, and pixels are written only inside the bitmap's rectangle of the destination.
 */
class ZstreamDecodeFuzz {
    /** Destination frame: a 70 × 70 screen with the bitmap at (3, 2), so an overrun shows as changed padding. */
    private static final int STRIDE = 70;
    private static final int PAD = 0x7F7F7F7F;

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        BitmapCodec.Decoder decoder = new ZstreamCodec().newDecoder();
        int at = 0;
        while (at + 4 <= input.length) {
            int w = (input[at] & 0xFF) % 64;
            int h = (input[at + 1] & 0xFF) % 64;
            int len = Math.min((input[at + 2] & 0xFF) | (input[at + 3] & 0xFF) << 8, input.length - at - 4);
            byte[] data = Arrays.copyOfRange(input, at + 4, at + 4 + len);
            at += 4 + len;
            int[] dst = new int[STRIDE * STRIDE];
            Arrays.fill(dst, PAD);
            try {
                decoder.decode(data, w, h, dst, 2 * STRIDE + 3, STRIDE, 0x64);
            } catch (PeerProtocolException bad) {
                return; // the connection would close here
            }
            for (int y = 0; y < STRIDE; y++) {
                for (int x = 0; x < STRIDE; x++) {
                    boolean inside = x >= 3 && x < 3 + w && y >= 2 && y < 2 + h;
                    if (!inside) {
                        assertThat(dst[y * STRIDE + x]).as("padding at %d,%d", x, y).isEqualTo(PAD);
                    } else {
                        assertThat(dst[y * STRIDE + x] >>> 24).as("top byte at %d,%d", x, y).isZero();
                    }
                }
            }
        }
    }
}
