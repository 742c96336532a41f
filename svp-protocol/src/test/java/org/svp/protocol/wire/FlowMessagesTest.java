package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.svp.protocol.wire.WireBytes.hex;

import org.junit.jupiter.api.Test;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.FlowPing;
import org.svp.protocol.message.FlowPong;
import org.svp.protocol.message.Message;

/** The flow-control messages (ids 120–121, docs/protocol.md "Flow control"): layouts, round trips, bad sizes. */
class FlowMessagesTest {

    @Test
    void layoutsAreExactlyTheContract() {
        assertThat(MessageWriter.encode(new FlowPing(0x01020304L)))
                .containsExactly(hex("5a7f 7800 04000000 | 04030201"));
        assertThat(MessageWriter.encode(new FlowPong(0xFFFFFFFFL)))
                .containsExactly(hex("5a7f 7900 04000000 | ffffffff"));
    }

    @Test
    void roundTripOnAV2Connection() {
        for (Message m : new Message[] {new FlowPing(0), new FlowPing(0xFFFFFFFFL), new FlowPong(7),
                new FlowPong(0x80000000L)}) {
            assertThat(MessageReader.decodeFrame(MessageWriter.encode(m), 2)).as("%s", m).isEqualTo(m);
        }
    }

    @Test
    void aWrongBodySizeOrAV1ConnectionIsRejected() {
        PeerProtocolException size = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(hex("5a7f 7900 05000000 | 0100000000"), 2));
        assertThat(size.status()).isEqualTo(SvpStatus.BAD_BODY_SIZE);
        PeerProtocolException v1 = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(MessageWriter.encode(new FlowPing(1)), 1));
        assertThat(v1.status()).isEqualTo(SvpStatus.UNKNOWN_COMMAND);
    }
}
