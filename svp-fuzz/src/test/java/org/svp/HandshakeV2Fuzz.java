package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.svp.netty.MalformedMessage;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageWriter;

/**
 * Both sides: the v2 hand-shake messages of protocol.md "protocol v2" — CAPABILITIES (100),
 * AUTH_START (101), AUTH_CHALLENGE (102), AUTH_RESPONSE (103), AUTH_RESULT (104), SESSION (105),
 * CHANNEL_INIT_V2 (106) — through the real frame decoder ({@link FrameFeed}) set to the version the
 * connection negotiated. Input: u8 picks the id (100 + byte % 7), the rest is the body. With version 2
 * the frame comes out as exactly one item: a record that encodes back to the same bytes, or a
 * {@link MalformedMessage} (skipped, the stream stays in sync); with version 1 (a v1 peer never sees
 * extensions) the same frame is an unknown id, which loses the framing: nothing comes out. The SCRAM
 * texts these messages carry are fuzzed by {@link ScramTextFuzz}.
 */
class HandshakeV2Fuzz {
    private static final int FIRST = 100;
    private static final int COUNT = 7;

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] frame = FrameFeed.frame(FIRST + (input[0] & 0xFF) % COUNT, Arrays.copyOfRange(input, 1, input.length));
        assertThat(FrameFeed.decode(frame, ProtocolLimits.VERSION_1)).isEmpty();
        List<Object> out = FrameFeed.decode(frame, ProtocolLimits.VERSION_2);
        assertThat(out).hasSize(1);
        if (out.getFirst() instanceof Message m) {
            assertThat(MessageWriter.encode(m)).isEqualTo(frame);
        } else {
            assertThat(out.getFirst()).isInstanceOf(MalformedMessage.class);
        }
    }
}
