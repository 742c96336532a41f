package org.svp.server.limits;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.FrameTooLargeException;
import org.svp.netty.SvpFrameDecoder;
import org.svp.protocol.ChannelType;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.MainChannelInit;
import org.svp.server.ServerStats;

/**
 * One connection's limits, in the pipeline between the frame decoder and the hand-shake handler
 * (which it leaves alone): the hand-shake timeout (accept → CHANNEL_LIST or CHANNEL_READY written),
 * the partial-message timeout (a started message must arrive whole within
 * {@link ServerLimits#partialDeadline}), the channel's message size limit (set on the decoder as soon
 * as the channel type is known), the input flood limit, and direct-memory exhaustion. Each closes this
 * connection only, with one line "closing PEER (CHANNEL): WHY" (through the server-wide
 * {@link LogLimiter}, so a flood of connections cannot flood the log either).
 *
 * <p>One instance per connection; every method runs on the connection's event loop (the I/O thread).
 */
public final class ConnectionGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final ServerLimits limits;
    private final SvpFrameDecoder decoder;
    private final LogLimiter serverLog;
    private final ServerStats stats;
    /** The channel this connection is: from its port, else from its first message; null = not known yet. */
    private ChannelType type;
    private long acceptedNanos;
    private boolean handshakeDone;
    private boolean closing;
    private ScheduledFuture<?> ticker;
    private LogLimiter connectionLog;
    /** Input flood detection: a token bucket of {@code inputPerSecond}, holding up to two seconds' worth. */
    private double inputTokens;
    private long inputRefilledNanos;

    /**
     * @param limits the server's limits
     * @param portType the channel type this port serves, or null (single port: the first message says)
     * @param decoder this connection's frame decoder (its body limit is narrowed here)
     * @param serverLog the server-wide limiter for connection-level lines
     * @param stats counters ({@code limitCloses})
     */
    public ConnectionGuard(ServerLimits limits, ChannelType portType, SvpFrameDecoder decoder, LogLimiter serverLog,
                           ServerStats stats) {
        this.limits = limits;
        this.type = portType;
        this.decoder = decoder;
        this.serverLog = serverLog;
        this.stats = stats;
        this.inputTokens = 2.0 * limits.inputPerSecond();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        acceptedNanos = System.nanoTime();
        inputRefilledNanos = acceptedNanos;
        decoder.setMaxBody(Math.min(decoder.maxBody(), limits.bodyLimit(type)));
        connectionLog = new LogLimiter(String.valueOf(ctx.channel().remoteAddress()), limits.warningsPerInterval(),
                limits.warningInterval());
        connectionLog.attach(ctx.channel());
        serverLog.attachForAllPeers(ctx.channel());
        long tick = limits.tick().toNanos();
        ticker = ctx.executor().scheduleAtFixedRate(() -> check(ctx), tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case MainChannelInit m -> typed(ChannelType.MAIN);
            case ChannelInit ci -> ChannelType.fromWireId(ci.channelType()).ifPresent(this::typed);
            case org.svp.protocol.message.ChannelInitV2 ci -> ChannelType.fromWireId(ci.channelType()).ifPresent(this::typed);
            default -> { }
        }
        if (type == ChannelType.INPUT && handshakeDone && !takeInputToken()) {
            close(ctx, "more than " + limits.inputPerSecond() + " input messages per second (flood)");
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void typed(ChannelType t) {
        if (type == null) {
            type = t;
            decoder.setMaxBody(Math.min(decoder.maxBody(), limits.bodyLimit(t)));
        }
    }

    private boolean takeInputToken() {
        long now = System.nanoTime();
        double cap = 2.0 * limits.inputPerSecond();
        inputTokens = Math.min(cap, inputTokens + (now - inputRefilledNanos) * 1e-9 * limits.inputPerSecond());
        inputRefilledNanos = now;
        if (inputTokens < 1) {
            return false;
        }
        inputTokens--;
        return true;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ChannelList || msg instanceof ChannelReady) {
            handshakeDone = true;
        }
        ctx.write(msg, promise);
    }

    /** The periodic check (every {@link ServerLimits#tick()}): hand-shake and partial-message deadlines. */
    private void check(ChannelHandlerContext ctx) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (!handshakeDone && now - acceptedNanos > limits.handshakeTimeout().toNanos()) {
            close(ctx, "no hand-shake within " + seconds(limits.handshakeTimeout().toMillis()));
            return;
        }
        long since = decoder.partialSinceNanos();
        if (since != 0) {
            int size = decoder.pendingBodySize();
            long allowed = limits.partialDeadline(size).toNanos();
            if (now - since > allowed) {
                close(ctx, (size < 0 ? "a message header" : "a message of " + size + " bytes")
                        + " did not arrive whole within " + seconds(allowed / 1_000_000));
            }
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof FrameTooLargeException big) {
            close(ctx, "message of " + big.size() + " bytes exceeds the " + channelName() + " channel's limit of "
                    + big.limit());
            return;
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                close(ctx, "out of memory for its buffers (" + oom.getMessage() + ")");
                return;
            }
        }
        ctx.fireExceptionCaught(cause);
    }

    private void close(ChannelHandlerContext ctx, String why) {
        if (closing) {
            return;
        }
        closing = true;
        stats.limitCloses.increment();
        serverLog.warn(LOG, "closing {} ({}): {}", ctx.channel().remoteAddress(), channelName(), why);
        ctx.close();
    }

    private String channelName() {
        return type == null ? "hand-shake" : type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    private void stop() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        if (connectionLog != null) {
            connectionLog.close();
        }
    }
}
