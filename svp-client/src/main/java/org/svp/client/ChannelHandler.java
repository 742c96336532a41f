package org.svp.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.svp.netty.MalformedMessage;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.Nop;

/**
 * The client end of one channel: completes {@code first} with the server's first answer
 * (CHANNEL_LIST on main, CHANNEL_READY elsewhere), then hands every later message to
 * {@code onMessage}. Any protocol error from the server fails the channel: {@code onError} is told
 * and the connection closes. Runs on the channel's own event loop thread (one thread per channel, as
 * the seed's client design says).
 */
final class ChannelHandler extends SimpleChannelInboundHandler<Object> {
    private final CompletableFuture<Message> first = new CompletableFuture<>();
    private final Consumer<Message> onMessage;
    private final Consumer<RuntimeException> onError;
    private final Runnable onClose;
    private volatile io.netty.channel.Channel channel;

    ChannelHandler(Consumer<Message> onMessage, Consumer<RuntimeException> onError, Runnable onClose) {
        this.onMessage = onMessage;
        this.onError = onError;
        this.onClose = onClose;
    }

    CompletableFuture<Message> first() {
        return first;
    }

    /** @return the connection, once active (every message arrives after that) */
    io.netty.channel.Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MalformedMessage bad) {
            fail(ctx, bad.error());
            return;
        }
        Message m = (Message) msg;
        if (m instanceof Nop) {
            return; // receivers ignore NOP on every channel (protocol.md §3)
        }
        if (!first.isDone()) {
            first.complete(m);
            return;
        }
        try {
            onMessage.accept(m);
        } catch (PeerProtocolException e) {
            fail(ctx, e);
        }
    }

    private void fail(ChannelHandlerContext ctx, RuntimeException e) {
        first.completeExceptionally(e);
        onError.accept(e);
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ctx, c instanceof RuntimeException r ? r
                : new PeerProtocolException(SvpStatus.INTERNAL, -1, -1, c.toString()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        first.completeExceptionally(new IllegalStateException("the server closed the connection"));
        onClose.run();
        ctx.fireChannelInactive();
    }
}
