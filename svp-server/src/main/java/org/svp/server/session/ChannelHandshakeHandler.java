package org.svp.server.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.MalformedMessage;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Feature;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.VideoModeset;
import org.svp.server.ServerStats;
import org.svp.server.limits.LogLimiter;
import org.svp.source.InputSink;

/**
 * The per-connection state machine of protocol.md §3: the first message says what the connection is
 * (MAIN_CHANNEL_INIT → main, CHANNEL_INIT → display/cursor/input/usb); after that only that
 * channel's messages are accepted. A message that is framed correctly but wrong is logged and
 * skipped; bytes that break framing drop this connection only. Runs on the I/O thread.
 */
public final class ChannelHandshakeHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelHandshakeHandler.class);

    /** Where a connection is in its life. */
    enum State { AWAIT_INIT, MAIN, DISPLAY, CURSOR, INPUT, USB }

    private final ClientRegistry registry;
    private final InputSink input;
    private final ChannelList channelList;
    private final ServerStats stats;
    /** Null unless the source observes sessions. */
    private final ClientSessions sessions;
    private State state = State.AWAIT_INIT;
    private DisplayClient display;

    /**
     * @param registry connected clients
     * @param input where keyboard and mouse events go
     * @param channelList the answer to MAIN_CHANNEL_INIT
     * @param stats counters
     */
    public ChannelHandshakeHandler(ClientRegistry registry, InputSink input, ChannelList channelList,
                                   ServerStats stats) {
        this(registry, input, channelList, stats, null);
    }

    /**
     * @param registry connected clients
     * @param input where keyboard and mouse events go
     * @param channelList the answer to MAIN_CHANNEL_INIT
     * @param stats counters
     * @param sessions the source's session tracking, or null (every connection is served at once)
     */
    public ChannelHandshakeHandler(ClientRegistry registry, InputSink input, ChannelList channelList,
                                   ServerStats stats, ClientSessions sessions) {
        this.sessions = sessions;
        this.registry = registry;
        this.input = input;
        this.channelList = channelList;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof MalformedMessage bad) {
            LogLimiter.of(ctx.channel()).warn(LOG, "{} {}: rejected a message: {}", ctx.channel().remoteAddress(), state, bad.error().getMessage());
            return;
        }
        Message m = (Message) msg;
        if (m instanceof Nop) {
            return;
        }
        switch (state) {
            case AWAIT_INIT -> init(ctx, m);
            case DISPLAY -> {
                switch (m) {
                    case GraphicConfig g -> display.configure(GraphicSettings.parse(g.iniText()));
                    case VideoModeset v -> input.videoModeset(v);
                    default -> unexpected(ctx, m);
                }
            }
            case INPUT -> {
                switch (m) {
                    case KeyboardEvent k -> input.keyboard(k);
                    case MouseEvent mo -> input.mouse(mo);
                    default -> unexpected(ctx, m);
                }
            }
            default -> unexpected(ctx, m);
        }
    }

    private void init(ChannelHandlerContext ctx, Message m) {
        switch (m) {
            case MainChannelInit mi -> {
                // v1 ignores the client's fields; we answer version 1 (no extensions negotiated yet)
                state = State.MAIN;
                if (sessions != null) { // CHANNEL_LIST only once the source admitted the session
                    sessions.open(ctx.channel(), (int) mi.clientVersion(), () -> ctx.writeAndFlush(channelList));
                } else {
                    ctx.writeAndFlush(channelList);
                }
                LOG.info("{}: main channel (client version {})", ctx.channel().remoteAddress(), mi.clientVersion());
            }
            case ChannelInit ci -> {
                ChannelType type = ChannelType.fromWireId(ci.channelType()).orElse(null);
                if (type == null || type == ChannelType.MAIN) {
                    LOG.warn("{}: CHANNEL_INIT for unknown channel type {}; closing", ctx.channel().remoteAddress(),
                            ci.channelType());
                    stats.protocolDrops.increment();
                    ctx.close();
                    return;
                }
                if (sessions != null && !sessions.join(ctx.channel())) {
                    LOG.warn("{}: {} channel without an admitted session from that address; closing",
                            ctx.channel().remoteAddress(), type);
                    ctx.close();
                    return;
                }
                // v1 compatibility: the display channel echoes the client's bits, the others answer GDI
                ctx.writeAndFlush(new ChannelReady(type == ChannelType.DISPLAY ? ci.features() : Feature.GDI));
                switch (type) {
                    case DISPLAY -> {
                        state = State.DISPLAY;
                        display = registry.addDisplay(ctx.channel());
                    }
                    case CURSOR -> {
                        state = State.CURSOR;
                        registry.addCursor(ctx.channel());
                    }
                    case INPUT -> state = State.INPUT;
                    default -> state = State.USB;
                }
                LOG.info("{}: {} channel ready", ctx.channel().remoteAddress(), type);
            }
            default -> {
                LOG.warn("{}: expected MAIN_CHANNEL_INIT or CHANNEL_INIT first, got {}; closing",
                        ctx.channel().remoteAddress(), m.command());
                stats.protocolDrops.increment();
                ctx.close();
            }
        }
    }

    private void unexpected(ChannelHandlerContext ctx, Message m) {
        LogLimiter.of(ctx.channel()).warn(LOG, "{} {}: ignored {} (not allowed on this channel)", ctx.channel().remoteAddress(), state, m.command());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        registry.writabilityChanged(ctx.channel());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        registry.remove(ctx.channel());
        if (sessions != null) {
            sessions.closed(ctx.channel());
        }
        LOG.info("{}: {} channel closed", ctx.channel().remoteAddress(), state);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable c = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (c instanceof PeerProtocolException p) {
            stats.protocolDrops.increment();
            LogLimiter.forAllPeers(ctx.channel()).warn(LOG, "{} {}: dropping connection: {}",
                    ctx.channel().remoteAddress(), state, p.getMessage());
        } else if (c instanceof IOException) {
            LOG.debug("{} {}: {}", ctx.channel().remoteAddress(), state, c.toString());
        } else {
            LOG.error("{} {}: internal error, dropping connection", ctx.channel().remoteAddress(), state, c);
        }
        ctx.close();
    }
}
