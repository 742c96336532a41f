package org.svp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.Message;
import org.svp.protocol.wire.MessageWriter;

/**
 * Writes {@link Message} records as complete v1 frames (8-byte header + body) into {@link ByteBuf}s.
 *
 * <p>{@link SvpMessageEncoder} calls {@link #writeTo(Message, ByteBuf)} on the channel's event loop;
 * encoder workers call {@link #encode(ByteBufAllocator, Message)} on their own threads to encode a
 * message once and write {@code retainedDuplicate()}s of the result to many channels. Stateless and
 * thread-safe.
 */
public final class Frames {
    private Frames() {
    }

    /**
     * Encodes one message into a new buffer of exactly its frame length.
     *
     * @param alloc where the buffer comes from (e.g. {@code channel.alloc()} or
     *     {@code ByteBufAllocator.DEFAULT}); a direct buffer is preferred
     * @param m the message
     * @return a buffer holding header and body, readable from index 0; the caller owns it (refCnt 1)
     *     and must write it to a channel or release it
     */
    public static ByteBuf encode(ByteBufAllocator alloc, Message m) {
        int n = frameLength(m);
        ByteBuf out = alloc.ioBuffer(n, n);
        try {
            writeTo(m, out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /**
     * @param m a message
     * @return header plus body length in bytes
     */
    public static int frameLength(Message m) {
        return ProtocolLimits.HEADER_LENGTH + MessageWriter.bodySize(m);
    }

    /**
     * Appends one frame at {@code out}'s writer index. The bytes go straight into the buffer's memory
     * through an NIO view (no intermediate {@code byte[]}), unless the buffer is split over several
     * NIO buffers (a composite), where one heap copy is made instead.
     *
     * @param m the message
     * @param out the destination; grown as needed, writer index advanced by the frame length
     */
    static void writeTo(Message m, ByteBuf out) {
        int n = frameLength(m);
        out.ensureWritable(n);
        int at = out.writerIndex();
        if (out.nioBufferCount() == 1) {
            ByteBuffer view = out.nioBuffer(at, n);
            MessageWriter.write(m, view);
            out.writerIndex(at + n);
        } else {
            out.writeBytes(MessageWriter.encode(m));
        }
    }
}
