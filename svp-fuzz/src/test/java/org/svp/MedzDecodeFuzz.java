package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.svp.codec.BitmapDecoder;
import org.svp.protocol.CodecId;

/**
 * Client side: a hostile server's MEDZ bitmaps (codec 5, issue 13) through the {@link BitmapDecoder}
 * every client uses. Input: {u8 w, u8 h, data…}: the size is whatever the two bytes claim, so the
 * zstd frame's content size lies about it freely. Only a {@code PeerProtocolException} may come out,
 * and pixels are written only inside the bitmap's rectangle, without a top byte. Plain runs replay
 * {@code src/test/resources/org/svp/MedzDecodeFuzzInputs/} (encodings of the encoder, some cut or
 * lying about their size); {@code JAZZER_FUZZ=1} fuzzes.
 */
class MedzDecodeFuzz {
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
        CodecDecodeFuzz.decodePadded(new BitmapDecoder(), CodecId.MEDZ, w, h, data);
    }
}
