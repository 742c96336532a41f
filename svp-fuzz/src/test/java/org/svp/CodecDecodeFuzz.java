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
 * Client side: decode fuzzing of each v2 codec (in package org.svp so that Jazzer instruments org.svp.codec). An
 * input is {u8 codec (≥ 0x80: ZSTREAM 8; else odd: PALETTE 3, even: QOIZ 4), u8 w, u8 h, data…}: the bitmap's size is whatever the first two bytes claim, so the
 * data's own lengths (QOIZ's op count, zstd's content size, PALETTE's colour count, the cache id)
 * lie about it freely. Each input is decoded twice by one decoder, so a PAL_CACHE_ME in the first
 * pass can feed a PAL_FROM_CACHE in the second. The only acceptable failure is a
 * {@link PeerProtocolException}; an error must leave no pixel outside the bitmap written. Plain runs
 * replay {@code src/test/resources/org/svp/CodecDecodeFuzzInputs/} (valid encodings made by
 * the encoders, then mutated by hand); {@code JAZZER_FUZZ=1} fuzzes.
 */
class CodecDecodeFuzz {
    /** What the destination holds before a decode: no decoder writes a top byte. */
    private static final int PAD = 0x7F000000;

    /** One harness for every v2 codec (one Jazzer start-up instead of one per codec). */
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 3) {
            return;
        }
        int codec = (input[0] & 0x80) != 0 ? CodecId.ZSTREAM : (input[0] & 1) == 1 ? CodecId.PALETTE : CodecId.QOIZ;
        int w = input[1] & 0xFF;
        int h = input[2] & 0xFF;
        byte[] data = Arrays.copyOfRange(input, 3, input.length);
        BitmapDecoder decoder = new BitmapDecoder();
        for (int pass = 0; pass < 2; pass++) {
            decodePadded(decoder, codec, w, h, data);
        }
    }

    /**
     * Decodes {@code data} as a w×h bitmap of {@code codec} into a destination with a one-pixel frame
     * around it, and checks what every decode fuzz harness requires: only a {@link PeerProtocolException}
     * comes out, decoded pixels have no top byte, and nothing outside the bitmap is written.
     */
    static void decodePadded(BitmapDecoder decoder, int codec, int w, int h, byte[] data) {
        int stride = w + 2;
        int[] dst = new int[stride * (h + 2)];
        Arrays.fill(dst, PAD);
        try {
            decoder.decodeInto(new Bitmap(PixelFormat.RGB32, codec, 0, 0, w, h, data), 300, dst, stride + 1, stride);
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
