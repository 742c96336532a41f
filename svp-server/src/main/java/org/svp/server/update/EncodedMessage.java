package org.svp.server.update;

import io.netty.buffer.ByteBuf;
import org.svp.protocol.CodecId;
import org.svp.protocol.message.DisplayMessage;

/**
 * One display message as the encoder workers left it: the original (applied to the server's mirror)
 * and its wire frames, one shared frame for orders without pixels, or one frame per codec for
 * messages that carry a bitmap. Built on a worker, then owned by the I/O thread, which releases it
 * after every client has taken its retained duplicate.
 */
public final class EncodedMessage {
    private final DisplayMessage original;
    private final ByteBuf shared;
    private final ByteBuf raw;
    private final ByteBuf lz4;

    private EncodedMessage(DisplayMessage original, ByteBuf shared, ByteBuf raw, ByteBuf lz4) {
        this.original = original;
        this.shared = shared;
        this.raw = raw;
        this.lz4 = lz4;
    }

    /**
     * @param original the message
     * @param frame its one encoding, for every client
     * @return the encoded message
     */
    static EncodedMessage shared(DisplayMessage original, ByteBuf frame) {
        return new EncodedMessage(original, frame, null, null);
    }

    /**
     * @param original the message as the source sent it
     * @param raw the RAW encoding, or null if no client wants it
     * @param lz4 the LZ4 encoding, or null if no client wants it
     * @return the encoded message
     */
    static EncodedMessage perCodec(DisplayMessage original, ByteBuf raw, ByteBuf lz4) {
        return new EncodedMessage(original, null, raw, lz4);
    }

    /** @return the message as the source sent it */
    public DisplayMessage original() {
        return original;
    }

    /**
     * The frame for a client that prefers {@code codec}. Falls back to the other codec when this one
     * was not produced (the client changed its setting while the update was being encoded).
     *
     * @param codec CodecId.RAW or CodecId.LZ4
     * @return the frame (not retained)
     */
    public ByteBuf frameFor(int codec) {
        if (shared != null) {
            return shared;
        }
        if (codec == CodecId.LZ4) {
            return lz4 != null ? lz4 : raw;
        }
        return raw != null ? raw : lz4;
    }

    /** Releases the frames; I/O thread, once, after dispatch. */
    void release() {
        for (ByteBuf b : new ByteBuf[] {shared, raw, lz4}) {
            if (b != null) {
                b.release();
            }
        }
    }
}
