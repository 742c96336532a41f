package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.svp.protocol.wire.WireBytes.hex;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.CacheDraw;
import org.svp.protocol.message.CacheSave;
import org.svp.protocol.message.DisplayCacheInit;
import org.svp.protocol.message.Message;

/** The screen-cache messages (ids 110–112, docs/protocol.md "Screen cache"): layouts, round trips, bad sizes. */
class CacheMessagesTest {

    @Test
    void layoutsAreExactlyTheContract() {
        assertThat(MessageWriter.encode(new DisplayCacheInit(0xFFFFFFFFL)))
                .containsExactly(hex("5a7f 6e00 04000000 | ffffffff"));
        assertThat(MessageWriter.encode(new CacheSave(0x0102030405060708L, new Rect(-1, 2, 640, 400))))
                .containsExactly(hex("5a7f 6f00 10000000 | 0807060504030201 ffff 0200 8002 9001"));
        assertThat(MessageWriter.encode(new CacheDraw(-2L, 630, 10)))
                .containsExactly(hex("5a7f 7000 0c000000 | feffffffffffffff 7602 0a00"));
    }

    @Test
    void roundTripOnAV2Connection() {
        for (Message m : new Message[] {new DisplayCacheInit(64L << 20), new CacheSave(42, new Rect(0, 0, 64, 64)),
                new CacheDraw(Long.MIN_VALUE, -5, 32767)}) {
            byte[] wire = MessageWriter.encode(m);
            assertThat(MessageReader.decodeFrame(wire, 2)).as("%s", m).isEqualTo(m);
        }
    }

    @Test
    void aWrongBodySizeIsRejected() {
        byte[] wire = hex("5a7f 7000 0b000000 | feffffffffffffff 7602 0a");
        PeerProtocolException e = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(wire, 2));
        assertThat(e.status()).isEqualTo(SvpStatus.BAD_BODY_SIZE);
        PeerProtocolException v1 = catchThrowableOfType(PeerProtocolException.class,
                () -> MessageReader.decodeFrame(MessageWriter.encode(new CacheDraw(1, 0, 0)), 1));
        assertThat(v1.status()).isEqualTo(SvpStatus.UNKNOWN_COMMAND);
    }
}
