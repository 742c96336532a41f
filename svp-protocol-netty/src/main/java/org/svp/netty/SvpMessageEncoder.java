package org.svp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.svp.protocol.message.Message;

/**
 * Encodes outbound {@link Message} records into v1 frames. The output buffer is allocated at exactly
 * the frame length and the record is written straight into it (see {@link Frames}); big bitmaps are
 * not copied through a {@code byte[]}.
 *
 * <p>Only {@link Message}s are matched: a {@link ByteBuf} written to the channel (for example one
 * pre-encoded once by {@link Frames#encode} for many clients) passes through untouched.
 *
 * <p>Called on the channel's event loop. Stateless, hence {@link Sharable}: one instance may sit in
 * every pipeline.
 */
@Sharable
public final class SvpMessageEncoder extends MessageToByteEncoder<Message> {

    /** Creates an encoder that prefers direct buffers. */
    public SvpMessageEncoder() {
        super(Message.class);
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Message msg, boolean preferDirect) {
        int n = Frames.frameLength(msg);
        return preferDirect ? ctx.alloc().ioBuffer(n) : ctx.alloc().heapBuffer(n);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
        Frames.writeTo(msg, out);
    }
}
