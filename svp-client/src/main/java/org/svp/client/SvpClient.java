package org.svp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.NoTlsException;
import org.svp.netty.Frames;
import org.svp.netty.NettyTransport;
import org.svp.netty.SvpFrameDecoder;
import org.svp.netty.SvpMessageEncoder;
import org.svp.protocol.ChannelType;
import org.svp.codec.CodecRegistry;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.SessionToken;

/**
 * An SVP client without a user interface (used by {@code ./svp snapshot}, {@code ./svp type},
 * the benchmarks and the viewers). Connects the main channel as a v2 client, reads CHANNEL_LIST; with a
 * v2 server it exchanges CAPABILITIES, authenticates with SCRAM-SHA-256 if asked and receives its
 * session token ({@link V2Handshake}), with a v1 server it carries on as v1. Then it opens the display,
 * cursor and input channels it was asked for (CHANNEL_INIT_V2 with the token, or v1 CHANNEL_INIT);
 * each channel runs on its own event loop thread. The display channel renders into a
 * {@link RemoteScreen} with the shared renderer.
 *
 * <p>{@link #connect} blocks the caller until every channel is ready; the other methods are
 * thread-safe.
 */
public final class SvpClient implements AutoCloseable {
    /** One event loop thread per channel: main, display, cursor, input. */
    private static final int CHANNEL_THREADS = 4;

    private final ClientOptions options;
    private final NettyTransport transport = NettyTransport.best();
    private final EventLoopGroup group;
    /** False when the caller lent {@link #group} ({@link #connect(ClientOptions, EventLoopGroup)}). */
    private final boolean ownsGroup;
    private final RemoteScreen screen = new RemoteScreen();
    private final ClientStats stats = new ClientStats();
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicReference<CursorShape> cursor = new AtomicReference<>();
    private volatile Consumer<CursorShape> cursorListener = c -> { };
    private Channel input;
    private Channel display;
    private ChannelList channelList;
    /** Longest CHANNEL_INIT → CHANNEL_READY time of the hand-shake, µs: the RTT when TCP_INFO is absent. */
    private long handshakeRttMicros;

    private final PasswordSource passwords;
    /** The negotiated protocol version (1 or 2), set by the hand-shake. */
    private volatile int version = ProtocolLimits.VERSION_1;
    /** The v2 session (token and role), null with a v1 server. */
    private volatile SessionToken session;
    /** TLS for every channel of this connection, or null for plain SVP. */
    private ClientTransport.Connection tls;

    /** Screen cache a client offers by default: 64 MiB (about 16 screens of 1280×800). */
    public static final long DEFAULT_CACHE_BUDGET = 64L << 20;

    private final long cacheBudget;
    /**
     * System property: "true" makes clients of this JVM not offer flow control (before/after measurements
     * of {@code svp bench link --no-flow-control}; every real client offers it).
     */
    public static final String NO_FLOW_CONTROL_PROPERTY = "svp.client.noFlowControl";

    private SvpClient(ClientOptions options, PasswordSource passwords, long cacheBudget, EventLoopGroup shared) {
        this.cacheBudget = cacheBudget;
        this.options = options;
        this.passwords = passwords;
        this.ownsGroup = shared == null;
        this.group = shared != null ? shared : new MultiThreadIoEventLoopGroup(CHANNEL_THREADS,
                new DefaultThreadFactory("svp-client", true), transport.ioHandlerFactory());
    }

    /**
     * Connects many clients on a few threads ({@code svp bench load}): like {@link #connect(ClientOptions)},
     * but the channels run on {@code group}, which {@link #close()} leaves running.
     *
     * @param options where and what to connect
     * @param group the event loops to share, made with {@link #newEventLoopGroup(int)}
     * @return a connected client
     * @throws IOException as {@link #connect(ClientOptions)}
     * @throws InterruptedException if interrupted
     */
    public static SvpClient connect(ClientOptions options, EventLoopGroup group) throws IOException, InterruptedException {
        return connect(options, group, DEFAULT_CACHE_BUDGET);
    }

    /**
     * As {@link #connect(ClientOptions, EventLoopGroup)}, with a screen-cache budget of its own (200
     * clients in one benchmark JVM cannot each keep 64 MiB).
     *
     * @param options where and what to connect
     * @param group the event loops to share
     * @param cacheBudget bytes of screen cache to offer a v2 server; 0 = no cache
     * @return a connected client
     * @throws IOException as {@link #connect(ClientOptions)}
     * @throws InterruptedException if interrupted
     */
    public static SvpClient connect(ClientOptions options, EventLoopGroup group, long cacheBudget)
            throws IOException, InterruptedException {
        return connect(new SvpClient(options, PasswordSource.NONE, cacheBudget, group));
    }

    /**
     * @param threads event loop threads
     * @return a group of this platform's best transport for {@link #connect(ClientOptions, EventLoopGroup)}
     */
    public static EventLoopGroup newEventLoopGroup(int threads) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("svp-client", true),
                NettyTransport.best().ioHandlerFactory());
    }

    /**
     * Connects and performs the hand-shake of protocol.md §3.
     *
     * @param options where and what to connect
     * @return a connected client
     * @throws IOException if the server cannot be reached or does not answer like an SVP server
     *     (the message says which)
     * @throws InterruptedException if interrupted
     */
    public static SvpClient connect(ClientOptions options) throws IOException, InterruptedException {
        return connect(options, PasswordSource.NONE);
    }

    /**
     * Connects, authenticating with a password if the server asks for one.
     *
     * @param options where and what to connect
     * @param passwords asked only if the server requires authentication
     * @return a connected client
     * @throws AuthenticationException if the server refused the password or required one we lack
     * @throws IOException if the server cannot be reached or does not answer like an SVP server
     * @throws InterruptedException if interrupted
     */
    public static SvpClient connect(ClientOptions options, PasswordSource passwords)
            throws IOException, InterruptedException {
        return connect(options, passwords, DEFAULT_CACHE_BUDGET);
    }

    /**
     * Connects with a screen-cache budget of its own (docs/protocol.md "Screen cache").
     *
     * @param options where and what
     * @param passwords asked if the server wants a password
     * @param cacheBudget bytes of screen cache to offer a v2 server; 0 = no cache
     * @return the connected client
     * @throws IOException if it cannot connect or the hand-shake fails
     */
    public static SvpClient connect(ClientOptions options, PasswordSource passwords, long cacheBudget)
            throws IOException, InterruptedException {
        return connect(new SvpClient(options, passwords, cacheBudget, null));
    }

    private static SvpClient connect(SvpClient c) throws IOException, InterruptedException {
        try {
            c.handshake();
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void handshake() throws IOException, InterruptedException {
        tls = options.transport().forServer(options.host(), options.port());
        V2Handshake.Inbox inbox = new V2Handshake.Inbox();
        ChannelHandler main = mainHandler(inbox);
        Channel mainCh;
        try {
            mainCh = open(options.port(), main, "main", ProtocolLimits.VERSION_1);
        } catch (NoTlsException e) {
            if (!options.transport().loopbackPlainFallback() || !isLoopback(options.host())) {
                throw e;
            }
            // a v1 server (or --no-tls) on this machine: no one on a network can have downgraded us
            options.transport().notice(e.getMessage().replaceFirst(";.*", "") + "; using plain SVP (it is on this machine)");
            tls = null;
            inbox = new V2Handshake.Inbox(); // the TLS attempt's close went into the old one
            main = mainHandler(inbox);
            mainCh = open(options.port(), main, "main", ProtocolLimits.VERSION_1);
        }
        mainCh.writeAndFlush(new MainChannelInit(ProtocolLimits.VERSION_2, 0, 0));
        Message answer = await(main, "CHANNEL_LIST", "main");
        if (!(answer instanceof ChannelList list)) {
            throw new IOException("the server answered MAIN_CHANNEL_INIT with " + answer.command()
                    + " instead of CHANNEL_LIST: not an SVP server?");
        }
        channelList = list;
        if (list.serverVersion() >= ProtocolLimits.VERSION_2) {
            version = ProtocolLimits.VERSION_2;
            session = new V2Handshake(mainCh, inbox, passwords, options.connectTimeout()).run();
        }
        if (options.wantDisplay()) {
            AtomicReference<ChannelHandler> self = new AtomicReference<>();
            ChannelHandler h = new ChannelHandler(m -> onDisplay(m, self.get()), screen::fail, screen::close);
            self.set(h);
            Channel ch = openChannel(ChannelType.DISPLAY, h);
            display = ch;
            GraphicSettings settings = new GraphicSettings(options.preferCodec(), false);
            ch.writeAndFlush(new GraphicConfig(settings.toIni()));
        }
        if (options.wantCursor()) {
            openChannel(ChannelType.CURSOR, new ChannelHandler(this::onCursor, e -> { }, () -> { }));
        }
        if (options.wantInput()) {
            input = openChannel(ChannelType.INPUT, new ChannelHandler(m -> { }, e -> { }, () -> { }));
        }
    }

    /**
     * The main channel's handler: later messages go to the v2 hand-shake's inbox; its end tells the
     * inbox and ends the screen, but the screen only once the hand-shake got an answer (a TLS attempt
     * given up for plain SVP must not end the screen of the plain attempt).
     */
    private ChannelHandler mainHandler(V2Handshake.Inbox inbox) {
        AtomicReference<ChannelHandler> self = new AtomicReference<>();
        ChannelHandler h = new ChannelHandler(inbox::offer, e -> { }, () -> {
            inbox.closed();
            var first = self.get().first();
            if (first.isDone() && !first.isCompletedExceptionally()) {
                screen.close();
            }
        });
        self.set(h);
        return h;
    }

    private Channel openChannel(ChannelType type, ChannelHandler h) throws IOException, InterruptedException {
        int port = channelList.channels().stream().filter(e -> e.channelType() == type.wireId())
                .mapToInt(ChannelEntry::port).findFirst()
                .orElseThrow(() -> new IOException("the server offers no " + type + " channel"));
        String name = type.name().toLowerCase(java.util.Locale.ROOT);
        Channel ch = open(port, h, name, version);
        long t0 = System.nanoTime();
        SessionToken s = session;
        if (s != null) {
            int features = type == ChannelType.DISPLAY ? Feature.GDI | Feature.LZ4 : Feature.GDI;
            if (type == ChannelType.DISPLAY && options.preferCodec() == CodecId.AUTO) {
                // the server's choice: offer every v2 codec this build decodes (an explicit RAW/LZ4
                // preference keeps the v1 codecs, e.g. for before/after measurements)
                features |= CodecRegistry.v2Features();
                if (options.quality() != null) { // the per-client lossy override (docs/protocol.md "Lossy quality")
                    features = options.quality() == org.svp.codec.jpeg.Quality.LOSSLESS
                            ? features & ~(Feature.CODEC_JPEG | Feature.CODEC_H264) : features | options.quality().hintBits();
                }
            }
            if (type == ChannelType.DISPLAY && !Boolean.getBoolean(NO_FLOW_CONTROL_PROPERTY)) {
                features |= Feature.FLOW_CONTROL; // answered below (onDisplay): docs/protocol.md "Flow control"
            }
            if (type == ChannelType.DISPLAY && cacheBudget > 0) {
                features |= Feature.BITMAP_CACHE; // the screen cache (docs/protocol.md "Screen cache")
            }
            ch.writeAndFlush(new ChannelInitV2(type.wireId(), 0, features, s.token()));
        } else {
            ch.writeAndFlush(new ChannelInit(type.wireId(), 0, Feature.V1_CLIENT_ALL));
        }
        Message ready = await(h, "CHANNEL_READY", name);
        handshakeRttMicros = Math.max(handshakeRttMicros, (System.nanoTime() - t0) / 1000);
        if (!(ready instanceof ChannelReady granted)) {
            throw new IOException("the server answered CHANNEL_INIT on the " + name + " channel with "
                    + ready.command() + " instead of CHANNEL_READY");
        }
        if (type == ChannelType.DISPLAY && s != null && (granted.features() & Feature.BITMAP_CACHE) != 0) {
            // the cache exists before the server can hear of it, so no CACHE_SAVE can come too early
            screen.startCache(cacheBudget);
            ch.writeAndFlush(new org.svp.protocol.message.DisplayCacheInit(cacheBudget));
        }
        return ch;
    }

    private Channel open(int port, ChannelHandler handler, String name, int decodeVersion)
            throws IOException, InterruptedException {
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeout().toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new SvpFrameDecoder(ProtocolLimits.MAX_BODY).version(decodeVersion),
                                new SvpMessageEncoder(), handler);
                        if (tls != null) {
                            tls.install(ch, port);
                        }
                    }
                });
        ChannelFuture f = b.connect(options.host(), port).await();
        if (!f.isSuccess()) {
            Throwable c = f.cause();
            String why = c instanceof ConnectException ? "connection refused" : String.valueOf(c.getMessage());
            throw new IOException("cannot connect to " + options.host() + ":" + port + " (" + name + " channel): " + why);
        }
        synchronized (channels) {
            channels.add(f.channel());
        }
        if (tls != null) {
            tls.awaitHandshake(f.channel(), options.connectTimeout(), name);
        }
        return f.channel();
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** @return whether this client's channels go through TLS (false after a plain fallback) */
    public boolean isTls() {
        return tls != null;
    }

    private Message await(ChannelHandler h, String what, String channel) throws IOException, InterruptedException {
        try {
            return h.first().get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no " + what + " on the " + channel + " channel within "
                    + options.connectTimeout().toSeconds() + " s: not an SVP server?");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IOException("the " + channel + " channel failed during the hand-shake: " + c.getMessage(), c);
        }
    }

    private void onDisplay(Message m, ChannelHandler h) {
        if (m instanceof org.svp.protocol.message.FlowPing p) {
            // everything before the PING has been decoded and drawn (this thread does it in order)
            h.channel().writeAndFlush(new org.svp.protocol.message.FlowPong(p.seq()), h.channel().voidPromise());
            return;
        }
        if (m instanceof org.svp.protocol.message.CacheSave || m instanceof org.svp.protocol.message.CacheDraw) {
            long t0 = System.nanoTime();
            org.svp.protocol.Rect drawn = screen.applyCache((org.svp.protocol.message.ExtensionMessage) m);
            stats.renderNanos.add(System.nanoTime() - t0);
            stats.displayMessages.increment();
            // a CACHE_DRAW paints a whole region as a DIRTY_RECT would (benchmarks count painted screens)
            stats.paintedPixels.add((long) drawn.width() * drawn.height());
            return;
        }
        if (!(m instanceof DisplayMessage dm)) {
            throw new PeerProtocolException(SvpStatus.UNEXPECTED_MESSAGE, m.command().wireId(), -1,
                    "the server sent " + m.command() + " on the display channel");
        }
        long t0 = System.nanoTime();
        screen.apply(dm);
        stats.renderNanos.add(System.nanoTime() - t0);
        stats.displayMessages.increment();
        stats.displayBytes.add(Frames.frameLength(dm));
        if (dm instanceof DirtyRect d) {
            stats.lastCodec.set(d.bitmap().codec());
            stats.dirtyRects.increment();
            stats.dirtyPixels.add((long) d.bitmap().width() * d.bitmap().height());
            stats.paintedPixels.add((long) d.bitmap().width() * d.bitmap().height());
        } else if (dm instanceof org.svp.protocol.message.SolidRect r) {
            stats.paintedPixels.add((long) r.rect().width() * r.rect().height());
        }
    }

    private void onCursor(Message m) {
        if (m instanceof CursorShape c && (c.width() > ProtocolLimits.MAX_CURSOR_SIDE
                || c.height() > ProtocolLimits.MAX_CURSOR_SIDE)) {
            stats.rejectedCursors.increment(); // a viewer would allocate w×h pixels for it: ignored
            return;
        }
        if (m instanceof CursorShape c) {
            stats.cursorBytes.add(Frames.frameLength(c));
            cursor.set(c);
            stats.cursorShapes.increment();
            cursorListener.accept(c);
        }
    }

    /** @return the rendered screen */
    public RemoteScreen screen() {
        return screen;
    }

    /** @return counters */
    public ClientStats stats() {
        return stats;
    }

    /** @return the negotiated protocol version: 2, or 1 with a v1 server */
    public int protocolVersion() {
        return version;
    }

    /**
     * @return true if this client's input reaches the desktop as far as its role goes (CONTROL, or a v1
     *     server); another CONTROL session may still hold control unless the server is {@code --shared}
     */
    public boolean controlRole() {
        SessionToken s = session;
        return s == null || s.role() == SessionToken.ROLE_CONTROL;
    }

    /** @return the server's channel list */
    public ChannelList channelList() {
        return channelList;
    }

    /** @return the newest cursor shape, or null */
    public CursorShape cursor() {
        return cursor.get();
    }

    /** @param listener told of every new cursor shape, on the cursor channel's thread */
    public void onCursorShape(Consumer<CursorShape> listener) {
        cursorListener = listener;
    }

    /**
     * Sends a key event on the input channel.
     *
     * @param down press or release
     * @param scancode set-1 code (0xE0xx for extended keys)
     */
    public void key(boolean down, int scancode) {
        send(requireInput(), new KeyboardEvent(down, scancode));
    }

    /**
     * Sends a pointer event on the input channel.
     *
     * @param x absolute column
     * @param y absolute row
     * @param buttons full button state
     */
    public void mouse(int x, int y, int buttons) {
        send(requireInput(), new MouseEvent(x, y, buttons));
    }

    /**
     * Asks the server for a screen mode (VIDEO_MODESET on the display channel). v1 servers and sources
     * that cannot change mode ignore it.
     *
     * @param width wanted columns
     * @param height wanted rows
     * @param depth wanted bits per pixel
     */
    public void videoModeset(int width, int height, int depth) {
        if (display == null) {
            throw new IllegalStateException("this client did not open the display channel");
        }
        send(display, new org.svp.protocol.message.VideoModeset(width, height, depth));
    }

    private void send(Channel ch, Message m) {
        stats.bytesSent.add(Frames.frameLength(m));
        ch.writeAndFlush(m);
    }

    /**
     * The round-trip time to the server: the kernel's smoothed TCP RTT of the input (or display)
     * connection where the transport exposes it (epoll on Linux), else the slowest CHANNEL_INIT →
     * CHANNEL_READY exchange of the hand-shake. v1 has no ping message, so this is the best a v1 client
     * can measure without help from the server. Any thread.
     *
     * @return microseconds
     */
    public long roundTripMicros() {
        Channel ch = input != null ? input : display;
        if (ch instanceof io.netty.channel.epoll.EpollSocketChannel e && e.isActive()) {
            try {
                return e.tcpInfo().rtt();
            } catch (RuntimeException ignored) {
                // closed meanwhile: fall back to the hand-shake figure
            }
        }
        return handshakeRttMicros;
    }

    /**
     * Waits until everything sent on the input channel has been handed to the socket.
     *
     * @throws InterruptedException if interrupted
     */
    public void flushInput() throws InterruptedException {
        requireInput().writeAndFlush(new org.svp.protocol.message.Nop()).await(options.connectTimeout().toMillis());
    }

    private Channel requireInput() {
        if (input == null) {
            throw new IllegalStateException("this client did not open the input channel");
        }
        return input;
    }

    /** Closes every channel and stops the threads. */
    @Override
    public void close() {
        synchronized (channels) {
            channels.forEach(Channel::close);
        }
        if (ownsGroup) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
