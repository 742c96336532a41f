package org.svp.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the raw bytes a connection reads and writes, for {@link Session}'s counters (VirtualBox's
 * QueryInfo BYTES_SENT/RECEIVED). First handler in every pipeline; runs on the I/O thread. Until
 * the connection joins a session it counts into its own fields, which {@link #attach} hands over.
 */
public final class ByteCounter extends ChannelDuplexHandler {
    /** Server-wide bytes written to sockets, or null. */
    private final java.util.concurrent.atomic.LongAdder wireSent;
    private Session session;
    private long readBefore;
    private long writtenBefore;

    /** A counter for the session's figures only. */
    public ByteCounter() {
        this(null);
    }

    /** @param wireSent also counts every written byte here (the server's wire total), or null */
    public ByteCounter(java.util.concurrent.atomic.LongAdder wireSent) {
        this.wireSent = wireSent;
    }

    /** @param s the session this connection now belongs to; earlier bytes are added to it */
    void attach(Session s) {
        session = s;
        s.addReceived(readBefore);
        s.addSent(writtenBefore);
        readBefore = 0;
        writtenBefore = 0;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        long n = size(msg);
        if (session != null) {
            session.addReceived(n);
        } else {
            readBefore += n;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        long n = size(msg);
        if (wireSent != null) {
            wireSent.add(n);
        }
        if (session != null) {
            session.addSent(n);
        } else {
            writtenBefore += n;
        }
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        return msg instanceof ByteBufHolder h ? h.content().readableBytes() : 0;
    }
}
