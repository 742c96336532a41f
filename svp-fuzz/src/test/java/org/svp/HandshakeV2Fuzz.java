package org.svp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.wire.MessageWriter;

/**
 * Both sides: the v2 hand-shake messages of protocol.md "protocol v2" — CAPABILITIES (100),
 * AUTH_START (101), AUTH_CHALLENGE (102), AUTH_RESPONSE (103), AUTH_RESULT (104), SESSION (105),
 * CHANNEL_INIT_V2 (106) — through the message registry's decoders on a v2 connection. Input: u8 picks
 * the id (100 + byte % 7), the rest is the body. A body is decoded to a record that encodes back to the
 * same bytes, or refused with a {@link PeerProtocolException}; on a v1 connection the same frame is an
 * unknown id (a v1 peer never sees extensions). The frame decoder is left out: it decodes as v1 until
 * negotiation has happened, which the SvpFrameDecoder of this branch does not know of yet.
 *
 * <p>TODO(h/sess merge): h/sess's SvpFrameDecoder learns the negotiated version; once merged, feed the
 * frame through it ({@link FrameFeed}) set to version 2, and add a harness for the server's SCRAM
 * parsing of AUTH_START / AUTH_RESPONSE texts and the client's of AUTH_CHALLENGE / AUTH_RESULT.
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
        assertThatThrownBy(() -> MessageReader.decodeFrame(frame, ProtocolLimits.VERSION_1))
                .isInstanceOfSatisfying(PeerProtocolException.class,
                        e -> assertThat(e.status()).isEqualTo(SvpStatus.UNKNOWN_COMMAND));
        Message m;
        try {
            m = MessageReader.decodeFrame(frame, ProtocolLimits.VERSION_2);
        } catch (PeerProtocolException refused) {
            return;
        }
        assertThat(MessageWriter.encode(m)).isEqualTo(frame);
    }
}
