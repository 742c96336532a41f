package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.codec.CodecRegistry;
import org.svp.protocol.CodecId;

/**
 * Client side: the JPEG (codec 10) decoder on hostile data — libturbojpeg through FFM. Input: u16 w,
 * u16 h, the JPEG stream ({@link LossyDecodeCheck}). Seeds: {@link LossyDecodeSeeds}.
 */
class JpegDecodeFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        LossyDecodeCheck.check(CodecRegistry.byId(CodecId.JPEG_LOSSY).newDecoder(), input);
    }
}
