package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.svp.codec.BitmapDecoder;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Bitmap;

/**
 * Client side: a hostile server's MEDZ bitmaps (codec 5, issue 13) through the {@link BitmapDecoder}
 * every client uses. Input: {u8 w, u8 h, data…}: the size is whatever the two bytes claim, so the
 * zstd frame's content size lies about it freely. Only a {@link PeerProtocolException} may come out,
 * and pixels are written only inside the bitmap's rectangle, without a top byte. Plain runs replay
 * {@code src/test/resources/org/svp/MedzDecodeFuzzInputs/} (encodings of the encoder, some cut or
 * lying about their size); {@code JAZZER_FUZZ=1} fuzzes.
 */
class MedzDecodeFuzz {
    private static final int PAD = 0x7F000000;

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 2) {
            return;
        }
        int w = input[0] & 0xFF;
        int h = input[1] & 0xFF;
        byte[] data = Arrays.copyOfRange(input, 2, input.length);
        int stride = w + 2;
        int[] dst = new int[stride * (h + 2)];
        Arrays.fill(dst, PAD);
        try {
            new BitmapDecoder().decodeInto(new Bitmap(PixelFormat.RGB32, CodecId.MEDZ, 0, 0, w, h, data), 300, dst,
                    stride + 1, stride);
            int topBytes = 0;
            for (int y = 1; y <= h; y++) {
                for (int x = 1; x <= w; x++) {
                    topBytes |= dst[y * stride + x] >>> 24;
                }
            }
            assertThat(topBytes).as("decoded pixels have no top byte").isZero();
        } catch (PeerProtocolException expected) {
            // bad peer data, reported with a reason: fine
        }
        int touched = 0; // plain loops: an assertion per pixel would dominate the fuzzing time
        for (int x = 0; x < stride; x++) {
            touched += dst[x] != PAD || dst[(h + 1) * stride + x] != PAD ? 1 : 0;
        }
        for (int y = 0; y < h + 2; y++) {
            touched += dst[y * stride] != PAD || dst[y * stride + w + 1] != PAD ? 1 : 0;
        }
        assertThat(touched).as("pixels written outside the bitmap").isZero();
    }
}
