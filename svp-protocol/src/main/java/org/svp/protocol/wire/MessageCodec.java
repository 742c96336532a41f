package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.svp.protocol.message.Message;

/**
 * How one message id is read and written: the entry of {@link MessageRegistry}. v1 ids have a decoder
 * here and keep their encoder in {@link MessageWriter}'s exhaustive switch; extension ids (100–999)
 * bring both. Implementations are stateless and thread-safe.
 *
 * @param <M> the message record
 */
public interface MessageCodec<M extends Message> {

    /** @return the header's cmd */
    int id();

    /** @return the lowest negotiated version on which the id exists (1 for v1, 2 for extensions) */
    int minVersion();

    /** @return the record class, for encoding */
    Class<M> type();

    /**
     * Decodes a body; strict, like every v1 decoder.
     *
     * @param r the body, positioned at 0; the caller checks that nothing is left afterwards
     * @return the message
     */
    M decode(BodyReader r);

    /**
     * @param m a message of this id
     * @return its body size in bytes
     */
    int bodySize(M m);

    /**
     * Writes the body (little-endian buffer, exactly {@link #bodySize} bytes remaining at least).
     *
     * @param m a message of this id
     * @param out destination
     */
    void writeBody(M m, ByteBuffer out);

    /**
     * A decoder-only entry for a v1 id (its encoder is {@link MessageWriter}'s switch).
     *
     * @param id the v1 id
     * @param decoder body → message
     * @return the entry
     */
    static MessageCodec<Message> v1(int id, Function<BodyReader, Message> decoder) {
        return new MessageCodec<>() {
            @Override
            public int id() {
                return id;
            }

            @Override
            public int minVersion() {
                return 1;
            }

            @Override
            public Class<Message> type() {
                return Message.class;
            }

            @Override
            public Message decode(BodyReader r) {
                return decoder.apply(r);
            }

            @Override
            public int bodySize(Message m) {
                return MessageWriter.bodySize(m);
            }

            @Override
            public void writeBody(Message m, ByteBuffer out) {
                MessageWriter.writeBody(m, out);
            }
        };
    }
}
