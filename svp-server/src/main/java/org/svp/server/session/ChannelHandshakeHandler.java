package org.svp.server.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.MalformedMessage;
import org.svp.netty.SvpFrameDecoder;
import org.svp.codec.CodecRegistry;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Feature;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.VideoModeset;
import org.svp.server.ServerSecurity;
import org.svp.server.ServerStats;
import org.svp.server.auth.FailedAttempts;
import org.svp.server.transport.TransportSecurity;
import org.svp.server.limits.LogLimiter;
import org.svp.source.InputSink;

/**
 * The per-connection state machine of protocol.md §3 and of protocol v2: the first message says what
 * the connection is. MAIN_CHANNEL_INIT makes it a main channel (v2: {@link MainNegotiation} runs
 * CAPABILITIES, SCRAM and SESSION; v1: CHANNEL_LIST at once, only with {@code --allow-v1});
 * CHANNEL_INIT_V2 (token) or, for v1, CHANNEL_INIT makes it a display/cursor/input/usb channel of a
 * session, on the port of that channel type. After that only that channel's messages are accepted;
 * input of a session that does not control is dropped. A message that is framed correctly but wrong
 * is logged and skipped; bytes that break framing drop this connection only. Runs on the I/O thread.
 */
public final class ChannelHandshakeHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelHandshakeHandler.class);

    /** Where a connection is in its life. */
    enum State { AWAIT_INIT, MAIN, DISPLAY, CURSOR, INPUT, USB }

    private final ClientRegistry registry;
    private final InputSink input;
    private final ChannelList channelList;
    private final ServerStats stats;
    private final ClientSessions sessions;
    private final ServerSecurity security;
    private final FailedAttempts failures;
    /** The channel type this port serves, or null when every type shares one port. */
    private final ChannelType portType;
    private State state = State.AWAIT_INIT;
    private DisplayClient display;
    /** The display channel negotiated the screen cache (BITMAP_CACHE in CHANNEL_READY). */
    private boolean displayCache;
    /** The session this connection belongs to, once joined. */
    private Session session;
    /** The v2 negotiation on a main channel, null elsewhere. */
    private MainNegotiation negotiation;

    /**
     * Every channel type on this port, permissive security, no session observer (tests).
     *
     * @param registry connected clients
     * @param input where keyboard and mouse events go
     * @param channelList the answer to MAIN_CHANNEL_INIT
     * @param stats counters
     */
    public ChannelHandshakeHandler(ClientRegistry registry, InputSink input, ChannelList channelList,
                                   ServerStats stats) {
        this(registry, input, channelList, stats, new ClientSessions(null, false), ServerSecurity.permissive(),
                new FailedAttempts(), null);
    }

    /**
     * Every channel type on this port, permissive security (v1 allowed, no authentication).
     *
     * @param registry connected clients
     * @param input where keyboard and mouse events go
     * @param channelList the answer to MAIN_CHANNEL_INIT
     * @param stats counters
     * @param sessions the server's sessions
     */
    public ChannelHandshakeHandler(ClientRegistry registry, InputSink input, ChannelList channelList,
                                   ServerStats stats, ClientSessions sessions) {
        this(registry, input, channelList, stats, sessions, ServerSecurity.permissive(), new FailedAttempts(), null);
    }

    /**
     * @param registry connected clients
     * @param input where keyboard and mouse events go
     * @param channelList the answer to MAIN_CHANNEL_INIT (its server_version is replaced per client)
     * @param stats counters
     * @param sessions the server's sessions
     * @param security v1, control sharing, credentials
     * @param failures failed authentications per address (shared by all connections)
     * @param portType the channel type this port serves, or null with {@code --single-port}
     */
    public ChannelHandshakeHandler(ClientRegistry registry, InputSink input, ChannelList channelList,
                                   ServerStats stats, ClientSessions sessions, ServerSecurity security,
                                   FailedAttempts failures, ChannelType portType) {
        this.sessions = sessions;
        this.registry = registry;
        this.input = input;
        this.channelList = channelList;
        this.stats = stats;
        this.security = security;
        this.failures = failures;
        this.portType = portType;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // until the first message says which client this is, CHANNEL_INIT_V2 must be decodable
        SvpFrameDecoder d = ctx.pipeline().get(SvpFrameDecoder.class);
        if (d != null) {
            d.version(ProtocolLimits.VERSION_2);
        }
        ctx.fireChannelActive();
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
            case MAIN -> {
                if (negotiation == null || !negotiation.onMessage(m)) {
                    unexpected(ctx, m);
                }
            }
            case DISPLAY -> {
                switch (m) {
                    case GraphicConfig g -> display.configure(GraphicSettings.parse(g.iniText()));
                    case org.svp.protocol.message.DisplayCacheInit ci -> {
                        if (!displayCache || !display.startScreenCache(ci.budgetBytes())) {
                            LOG.warn("{}: ignored DISPLAY_CACHE_INIT ({})", ctx.channel().remoteAddress(),
                                    displayCache ? "sent twice" : "the screen cache was not negotiated");
                        }
                    }
                    case VideoModeset v -> {
                        if (controls(ctx)) {
                            input.videoModeset(v);
                        }
                    }
                    case org.svp.protocol.message.FlowPong p -> {
                        if (!display.pong(p)) {
                            LogLimiter.of(ctx.channel()).warn(LOG, "{}: ignored FLOW_PONG {} (no such FLOW_PING)",
                                    ctx.channel().remoteAddress(), p.seq());
                        }
                    }
                    default -> unexpected(ctx, m);
                }
            }
            case INPUT -> {
                switch (m) {
                    case KeyboardEvent k -> {
                        if (controls(ctx)) {
                            input.keyboard(k);
                        }
                    }
                    case MouseEvent mo -> {
                        if (controls(ctx)) {
                            input.mouse(mo);
                        }
                    }
                    default -> unexpected(ctx, m);
                }
            }
            default -> unexpected(ctx, m);
        }
    }

    /** @return true if this connection's session may send input; else logs the first drop of the session */
    private boolean controls(ChannelHandlerContext ctx) {
        if (session == null || sessions.mayControl(session)) {
            return true;
        }
        if (!session.inputDropLogged) {
            session.inputDropLogged = true;
            LOG.warn("{}: input of session {} dropped: {}", ctx.channel().remoteAddress(), session.id(),
                    session.role() == org.svp.protocol.message.SessionToken.ROLE_VIEW
                            ? "it is view-only"
                            : "another session controls (--shared lets every control session send input)");
        }
        return false;
    }

    private void init(ChannelHandlerContext ctx, Message m) {
        switch (m) {
            case MainChannelInit mi -> mainInit(ctx, mi);
            case ChannelInitV2 ci -> {
                ChannelType type = channelType(ctx, ci.channelType());
                if (type == null) {
                    return;
                }
                if (!TransportSecurity.v2Allowed(ctx.channel())) {
                    refuse(ctx, "v2 " + type + " channel in plain text (this server needs TLS; --no-tls allows plain)");
                    return;
                }
                Session s = sessions.joinV2(ctx.channel(), type, ci.token());
                if (s == null) {
                    refused(ctx);
                    return;
                }
                ready(ctx, type, s, ci.features(), true);
            }
            case ChannelInit ci -> {
                ChannelType type = channelType(ctx, ci.channelType());
                if (type == null) {
                    return;
                }
                decoder(ctx, ProtocolLimits.VERSION_1);
                if (!security.allowV1()) {
                    refuse(ctx, "v1 " + type + " channel refused (v1 clients need --allow-v1)");
                    return;
                }
                Session s = sessions.joinV1(ctx.channel(), type);
                if (s == null) {
                    refused(ctx);
                    return;
                }
                ready(ctx, type, s, ci.features(), false);
            }
            default -> {
                LOG.warn("{}: expected MAIN_CHANNEL_INIT or CHANNEL_INIT first, got {}; closing",
                        ctx.channel().remoteAddress(), m.command());
                stats.protocolDrops.increment();
                ctx.close();
            }
        }
    }

    private void mainInit(ChannelHandlerContext ctx, MainChannelInit mi) {
        if (portType != null && portType != ChannelType.MAIN) {
            refuse(ctx, "MAIN_CHANNEL_INIT on the " + portType + " port");
            return;
        }
        state = State.MAIN;
        int version = (int) Math.min(Math.max(mi.clientVersion(), 0), ProtocolLimits.VERSION_2);
        if (version >= ProtocolLimits.VERSION_2) {
            if (!TransportSecurity.v2Allowed(ctx.channel())) {
                refuse(ctx, "v2 main channel in plain text (this server needs TLS; --no-tls allows plain)");
                return;
            }
            LOG.info("{}: main channel (client version {})", ctx.channel().remoteAddress(), mi.clientVersion());
            negotiation = new MainNegotiation(ctx, (int) Math.min(mi.clientVersion(), Integer.MAX_VALUE), sessions,
                    security.credentials(), failures);
            ctx.writeAndFlush(withVersion(ProtocolLimits.VERSION_2));
            return;
        }
        decoder(ctx, ProtocolLimits.VERSION_1);
        if (!security.allowV1()) {
            refuse(ctx, "v1 client refused (v1 clients need --allow-v1)");
            return;
        }
        // v1 ignores the client's fields; a v1 client is answered version 1, byte for byte as before
        sessions.openV1(ctx.channel(), (int) mi.clientVersion(),
                () -> ctx.writeAndFlush(withVersion(ProtocolLimits.VERSION_1)));
        LOG.info("{}: main channel (client version {})", ctx.channel().remoteAddress(), mi.clientVersion());
    }

    private ChannelList withVersion(int version) {
        return new ChannelList(version, channelList.channels());
    }

    /** The type of a CHANNEL_INIT(_V2), or null after closing for an unknown type or the wrong port. */
    private ChannelType channelType(ChannelHandlerContext ctx, int wire) {
        ChannelType type = ChannelType.fromWireId(wire).orElse(null);
        if (type == null || type == ChannelType.MAIN) {
            LOG.warn("{}: CHANNEL_INIT for unknown channel type {}; closing", ctx.channel().remoteAddress(), wire);
            stats.protocolDrops.increment();
            ctx.close();
            return null;
        }
        if (portType != null && portType != type) {
            refuse(ctx, type + " channel on the " + portType + " port");
            return null;
        }
        return type;
    }

    /** The display features a v2 server offers: GDI, LZ4, the v2 codecs and the screen cache (docs/protocol.md). */
    private static final int V2_DISPLAY_FEATURES = Feature.GDI | Feature.LZ4 | CodecRegistry.acceptedFeatures()
            | Feature.BITMAP_CACHE | Feature.FLOW_CONTROL;

    /**
     * Display clients that may get ZSTREAM. Its zstd stream is per connection and compresses on the I/O
     * thread as frames are written, so its cost grows with the clients while every other codec is
     * encoded once per update for all: beyond this many, further clients get PALETTE/QOIZ
     * (`bench load` with 200 clients: svp-io saturated and p99 in seconds with a stream each).
     */
    static final int MAX_STREAM_CLIENTS = 8;

    private void ready(ChannelHandlerContext ctx, ChannelType type, Session s, int features, boolean v2) {
        session = s;
        // v1 compatibility: the display channel echoes the client's bits, the others answer GDI
        int answer = type == ChannelType.DISPLAY ? (v2 ? features & V2_DISPLAY_FEATURES : features) : Feature.GDI;
        if (type == ChannelType.DISPLAY && v2 && registry.displayCount() >= MAX_STREAM_CLIENTS) {
            answer &= ~(Feature.CODEC_ZSTREAM | Feature.CODEC_TEXTZ);
        }
        if ((answer & Feature.CODEC_ZSTREAM) == 0) {
            answer &= ~Feature.CODEC_TEXTZ; // TEXTZ replaces ZSTREAM's stream: never granted alone
        }
        ctx.writeAndFlush(new ChannelReady(answer));
        switch (type) {
            case DISPLAY -> {
                state = State.DISPLAY;
                // a v2 session gets the codecs both sides set; a v1 session only the orders the original
                // client draws exactly (V1Orders)
                display = registry.addDisplay(ctx.channel(),
                        v2 ? answer & (CodecRegistry.acceptedFeatures() | Feature.FLOW_CONTROL) : 0, !v2);
                displayCache = v2 && (answer & Feature.BITMAP_CACHE) != 0;
            }
            case CURSOR -> {
                state = State.CURSOR;
                registry.addCursor(ctx.channel());
            }
            case INPUT -> state = State.INPUT;
            default -> state = State.USB;
        }
        LOG.info("{}: {} channel ready (session {})", ctx.channel().remoteAddress(), type, s.id());
    }

    /** One log line, then the connection closes. */
    private void refuse(ChannelHandlerContext ctx, String why) {
        LOG.warn("{}: {}; closing", ctx.channel().remoteAddress(), why);
        refused(ctx);
    }

    private void refused(ChannelHandlerContext ctx) {
        stats.protocolDrops.increment();
        ctx.close();
    }

    private static void decoder(ChannelHandlerContext ctx, int version) {
        SvpFrameDecoder d = ctx.pipeline().get(SvpFrameDecoder.class);
        if (d != null) {
            d.version(version);
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
        sessions.closed(ctx.channel());
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
