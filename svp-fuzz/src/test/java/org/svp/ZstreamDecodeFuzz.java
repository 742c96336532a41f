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
        replay(new ZstreamCodec().newDecoder(), input);
    }

    /**
     * Feeds the bitmaps of a stream-mode input ({u8 w, u8 h, u16 LE length, data}…) through one decoder,
     * as one connection would, until the input ends or the decoder refuses one. Shared with
     * {@link TextzDecodeFuzz}.
     */
    static void replay(BitmapCodec.Decoder decoder, byte[] input) {
        int at = 0;
        while (at + 4 <= input.length) {
            int w = (input[at] & 0xFF) % 64;
            int h = (input[at + 1] & 0xFF) % 64;
            int len = Math.min((input[at + 2] & 0xFF) | (input[at + 3] & 0xFF) << 8, input.length - at - 4);
            byte[] data = Arrays.copyOfRange(input, at + 4, at + 4 + len);
            at += 4 + len;
            if (!decodeAndCheck(decoder, data, w, h)) {
                return; // the connection would close here
            }
        }
    }

    /**
     * Decodes one bitmap at (3, 2) of a padded 70 × 70 destination and checks that nothing outside it
     * was written and that its pixels have no top byte.
     *
     * @return false when the decoder refused the data (the only failure allowed)
     */
    static boolean decodeAndCheck(BitmapCodec.Decoder decoder, byte[] data, int w, int h) {
        int[] dst = new int[STRIDE * STRIDE];
        Arrays.fill(dst, PAD);
        try {
            decoder.decode(data, w, h, dst, 2 * STRIDE + 3, STRIDE, 0x64);
        } catch (PeerProtocolException bad) {
            return false;
        }
        int outside = 0; // plain loops: an assertion per pixel would dominate the fuzzing time
        int topBytes = 0;
        for (int y = 0; y < STRIDE; y++) {
            for (int x = 0; x < STRIDE; x++) {
                boolean inside = x >= 3 && x < 3 + w && y >= 2 && y < 2 + h;
                if (inside) {
                    topBytes |= dst[y * STRIDE + x] >>> 24;
                } else if (dst[y * STRIDE + x] != PAD) {
                    outside++;
                }
            }
        }
        assertThat(outside).as("pixels written outside the bitmap").isZero();
        assertThat(topBytes).as("decoded pixels have no top byte").isZero();
        return true;
    }
}
