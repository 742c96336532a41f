package org.svp.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.svp.server.ServerStats;

/**
 * One cursor-channel connection. Only the newest shape matters, so at most one frame waits here
 * while the socket is not writable; a newer shape replaces it. I/O thread only.
 */
public final class CursorClient {
    private final Channel channel;
    private final ServerStats stats;
    private ByteBuf pending;

    /**
     * @param channel the cursor connection
     * @param stats counters
     */
    public CursorClient(Channel channel, ServerStats stats) {
        this.channel = channel;
        this.stats = stats;
    }

    /**
     * Sends a shape now, or as soon as the socket can take it.
     *
     * @param frame an encoded CURSOR message; this call takes one reference
     */
    public void send(ByteBuf frame) {
        if (pending != null) {
            pending.release();
        }
        pending = frame;
        flush();
    }

    /** Writes the waiting shape if the socket is writable. */
    public void flush() {
        if (pending != null && channel.isWritable()) {
            stats.bytesSent.add(pending.readableBytes());
            channel.writeAndFlush(pending, channel.voidPromise());
            pending = null;
        }
    }

    /** Frees the waiting frame after the connection closed. */
    public void dispose() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }
}
