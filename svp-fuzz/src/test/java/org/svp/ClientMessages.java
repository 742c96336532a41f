package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.svp.netty.MalformedMessage;
import org.svp.protocol.Command;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageWriter;

/**
 * The check behind the server-side per-message harnesses: a fuzzed body framed with one fixed client
 * message id goes through the real frame decoder. It must come out as exactly one item — the message
 * record, which encodes back to the very same bytes (nothing the server acts on was invented or lost),
 * or a {@link MalformedMessage} (the server logs and skips it; the connection stays up).
 */
final class ClientMessages {
    private ClientMessages() {
    }

    /**
     * @param command the message id the body is framed with
     * @param body fuzzed body bytes
     * @param type the record the id decodes to
     * @return the decoded record, or null when the body was rejected
     */
    static <T extends Message> T decodeExact(Command command, byte[] body, Class<T> type) {
        byte[] frame = FrameFeed.frame(command.wireId(), body);
        List<Object> out = FrameFeed.decode(frame);
        assertThat(out).hasSize(1);
        if (out.getFirst() instanceof MalformedMessage) {
            return null;
        }
        T m = type.cast(out.getFirst());
        assertThat(MessageWriter.encode(m)).isEqualTo(frame);
        return m;
    }
}
