package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.codec.CodecRegistry;
import org.svp.protocol.CodecId;

/**
 * Client side: the H264 (codec 11) decoder on hostile data — openh264 through FFM, a fresh decoder per
 * input. Input: u16 w, u16 h, then the bitmap data (u8 stream id, u8 flags, Annex-B)
 * ({@link LossyDecodeCheck}). Seeds: {@link LossyDecodeSeeds}.
 */
class H264DecodeFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        LossyDecodeCheck.check(CodecRegistry.byId(CodecId.H264).newDecoder(), input);
    }
}
