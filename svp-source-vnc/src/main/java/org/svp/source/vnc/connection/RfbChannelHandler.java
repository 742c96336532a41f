package org.svp.source.vnc.connection;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;
import java.util.function.Consumer;
import org.svp.source.vnc.VncStats;
import org.svp.source.vnc.rfb.NeedMore;
import org.svp.source.vnc.rfb.RfbIn;
import org.svp.source.vnc.rfb.ServerMessageDecoder;

/**
 * One upstream connection's inbound side on "svp-vnc": the hand-shake, then the normal phase through
 * the {@link ServerMessageDecoder} the {@link Session} returns. Netty keeps the bytes of an unfinished
 * unit until more arrive. A decoding error closes the connection; {@link UpstreamLink} learns why in
 * {@link #failure()} when it goes inactive.
 */
final class RfbChannelHandler extends ByteToMessageDecoder {
    private final RfbHandshake handshake;
    private final VncStats stats;
    private final Established onEstablished;
    private ServerMessageDecoder decoder;
    private Throwable failure;

    /** Called once the hand-shake is done; returns the normal-phase decoder. */
    interface Established {
        ServerMessageDecoder established(ServerInit init, Consumer<byte[]> send);
    }

    RfbChannelHandler(RfbHandshake handshake, VncStats stats, Established onEstablished) {
        this.handshake = handshake;
        this.stats = stats;
        this.onEstablished = onEstablished;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf b) {
            stats.bytesReceived.add(b.readableBytes());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        RfbIn r = new RfbIn(in);
        Consumer<byte[]> send = b -> ctx.writeAndFlush(Unpooled.wrappedBuffer(b));
        while (decoder == null && in.isReadable()) {
            int mark = r.mark();
            try {
                ServerInit init = handshake.step(r, send);
                if (init != null) {
                    decoder = onEstablished.established(init, send);
                }
            } catch (NeedMore e) {
                r.rewind(mark);
                return;
            }
        }
        if (decoder != null) {
            decoder.decodeAvailable(r);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (failure == null) {
            failure = c;
        }
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (decoder != null) {
            decoder.close();
        }
    }

    /** @return why the connection ended, or null if the server closed it */
    Throwable failure() {
        return failure;
    }

    /** @return true once ServerInit arrived */
    boolean established() {
        return decoder != null;
    }

    /** @return true if the failure will not go away by reconnecting */
    boolean permanent() {
        return handshake.permanent();
    }
}
