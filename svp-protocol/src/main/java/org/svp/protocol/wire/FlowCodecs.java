package org.svp.protocol.wire;

import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.message.FlowPing;
import org.svp.protocol.message.FlowPong;

/**
 * Codecs of the flow-control messages, ids 120–121 (docs/protocol.md "Flow control"): FLOW_PING and
 * FLOW_PONG, both a bare u32 seq. Registered by {@link MessageRegistry}.
 */
final class FlowCodecs {
    private FlowCodecs() {
    }

    static List<MessageCodec<?>> all() {
        return List.of(
                HandshakeCodecs.codec(Command.FLOW_PING, FlowPing.class, r -> {
                    r.expectSize(FlowPing.BODY_BYTES);
                    return new FlowPing(r.u32("seq"));
                }, m -> FlowPing.BODY_BYTES, (m, o) -> o.putInt((int) m.seq())),
                HandshakeCodecs.codec(Command.FLOW_PONG, FlowPong.class, r -> {
                    r.expectSize(FlowPong.BODY_BYTES);
                    return new FlowPong(r.u32("seq"));
                }, m -> FlowPong.BODY_BYTES, (m, o) -> o.putInt((int) m.seq())));
    }
}
