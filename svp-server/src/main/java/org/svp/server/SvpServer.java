package org.svp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.NettyTransport;
import org.svp.netty.SvpFrameDecoder;
import org.svp.netty.SvpMessageEncoder;
import org.svp.protocol.ChannelType;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelList;
import org.svp.render.Surface;
import org.svp.server.limits.ConnectionCaps;
import org.svp.server.limits.ConnectionGuard;
import org.svp.server.limits.LogLimiter;
import org.svp.server.limits.ServerLimits;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.auth.FailedAttempts;
import org.svp.server.session.ByteCounter;
import org.svp.server.session.ChannelHandshakeHandler;
import org.svp.server.session.ClientSessions;
import org.svp.server.session.ClientRegistry;
import org.svp.server.transport.PortUnificationHandler;
import org.svp.server.transport.ServerTls;
import org.svp.server.update.UpdateEncoder;
import org.svp.server.update.UpdatePipeline;
import org.svp.server.update.UpdateQueue;
import org.svp.source.DisplaySource;

/**
 * The SVP server: one Netty event loop thread ("svp-io", the seed's main thread) owns every socket,
 * the mirror framebuffer and the client registry; a worker pool ("svp-encoder-N") encodes updates;
 * the display source produces on its own thread. See docs/architecture.md.
 *
 * <p>Call {@link #start()} once from any thread, {@link #close()} once at the end.
 */
public final class SvpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SvpServer.class);
    /** Netty stops writing to a client above this (then our own queue holds frames). */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);
    /** Tries at finding five free consecutive ports when the base port is 0. */
    private static final int PORT_TRIES = 20;

    private final ServerConfig config;
    private final ServerLimits limits;
    private final ConnectionCaps caps;
    /** Connection-level limit lines of all peers share one rate limit. I/O thread. */
    private final LogLimiter limitLog;
    private final ServerTls tls;
    private final DisplaySource source;
    private final ServerStats stats = new ServerStats();
    private final NettyTransport transport = NettyTransport.best();
    private final EventLoopGroup group;
    private final EventLoop io;
    private final ExecutorService workers;
    private final ScreenMirror mirror = new ScreenMirror();
    private final ClientRegistry registry;
    /** Which bands go JPEG, and what waits for its lossless refresh (issue 13). */
    private org.svp.server.lossy.LossyPolicy lossy = new org.svp.server.lossy.LossyPolicy(org.svp.codec.jpeg.Quality.LOSSLESS);
    private final List<Channel> listeners = new ArrayList<>();
    /**
     * Every accepted connection (a closed one leaves by itself), so that {@link #close()} closes them
     * itself rather than trusting the event loop's shutdown to: see there.
     */
    private final ChannelGroup connections;
    private final List<Consumer<UpstreamException>> failureListeners = new CopyOnWriteArrayList<>();
    private ChannelList channelList;
    /** Every client session (and the source's observer, if it has one); I/O thread. */
    private final ClientSessions sessions;
    /** Failed authentications per remote address, shared by every connection; I/O thread. */
    private final FailedAttempts failures = new FailedAttempts();
    private final List<Runnable> finishListeners = new CopyOnWriteArrayList<>();

    /**
     * A server without TLS (as {@code --no-tls}: plain SVP only, v2 accepted in plain text); tests and
     * benchmarks. The CLI passes its {@link ServerTls}.
     *
     * @param config where to listen and how much to buffer
     * @param source what to serve; started by {@link #start()}, closed by {@link #close()}
     */
    public SvpServer(ServerConfig config, DisplaySource source) {
        this(config, ServerLimits.DEFAULTS, source, ServerTls.off());
    }

    /**
     * @param config where to listen and how much to buffer
     * @param limits timeouts, caps and budgets (docs/security.md "Limits and timeouts")
     * @param source what to serve; started by {@link #start()}, closed by {@link #close()}
     */
    public SvpServer(ServerConfig config, ServerLimits limits, DisplaySource source) {
        this(config, limits, source, ServerTls.off());
    }

    /**
     * @param config where to listen and how much to buffer
     * @param source what to serve; started by {@link #start()}, closed by {@link #close()}
     * @param tls TLS on every port (first byte 0x16) besides plain SVP, or {@link ServerTls#off()}
     */
    public SvpServer(ServerConfig config, DisplaySource source, ServerTls tls) {
        this(config, ServerLimits.DEFAULTS, source, tls);
    }

    /**
     * @param config where to listen and how much to buffer
     * @param limits timeouts, caps and budgets (docs/security.md "Limits and timeouts")
     * @param source what to serve; started by {@link #start()}, closed by {@link #close()}
     * @param tls TLS on every port (first byte 0x16) besides plain SVP, or {@link ServerTls#off()}
     */
    public SvpServer(ServerConfig config, ServerLimits limits, DisplaySource source, ServerTls tls) {
        this.config = config;
        this.limits = limits;
        this.caps = new ConnectionCaps(limits.maxPerAddress(), limits.maxTotal());
        this.limitLog = new LogLimiter("all peers", 4 * limits.warningsPerInterval(), limits.warningInterval());
        this.tls = tls;
        this.source = source;
        this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("svp-io", true),
                transport.ioHandlerFactory());
        this.io = group.next();
        this.connections = new DefaultChannelGroup("svp-connections", io);
        this.workers = Executors.newFixedThreadPool(config.encoderThreads(), new DefaultThreadFactory("svp-encoder", true));
        this.registry = new ClientRegistry(mirror, stats, config.clientQueueBytes());
        registry.budget(limits.queueBudgetBytes(), limits.drainDeadline(), limitLog);
        this.sessions = new ClientSessions(source.sessionObserver().orElse(null), config.security().shared());
    }

    /**
     * Sets the lossy quality of clients that do not choose their own ({@code --quality}; default
     * {@link org.svp.codec.jpeg.Quality#LOSSLESS} for embedders, the CLI passes auto). Before {@link #start()}.
     *
     * @param q the level
     * @return this
     */
    public SvpServer quality(org.svp.codec.jpeg.Quality q) {
        this.lossy = new org.svp.server.lossy.LossyPolicy(q);
        return this;
    }

    /**
     * Binds the ports and starts the source.
     *
     * @throws BindException if a port is taken (message names it)
     * @throws InterruptedException if interrupted while binding
     */
    public void start() throws BindException, InterruptedException {
        if (!config.portList().isEmpty()) {
            bindFirstFree(config.portList());
        } else {
            bindBase(config.basePort());
        }
        UpdatePipeline pipeline = new UpdatePipeline(io, workers, new UpdateEncoder(PooledByteBufAllocator.DEFAULT, stats)
                .lossy(lossy).heldTiles(registry.heldTiles()), mirror, registry, stats, config.encoderThreads() + 2);
        org.svp.server.lossy.LossyRefresh refresh = new org.svp.server.lossy.LossyRefresh(lossy);
        io.scheduleAtFixedRate(() -> refresh.tick(registry.displays()), org.svp.server.lossy.LossyRefresh.TICK_MILLIS,
                org.svp.server.lossy.LossyRefresh.TICK_MILLIS, TimeUnit.MILLISECONDS);
        UpdateQueue queue = new UpdateQueue(config.sourceQueueCapacity(), io, pipeline::drain, this::sourceFailed,
                this::sourceFinished);
        pipeline.attach(queue);
        long tick = limits.tick().toNanos();
        io.scheduleAtFixedRate(registry::checkStalled, tick, tick, TimeUnit.NANOSECONDS);
        source.start(queue); // may fail (no such X display): then nothing claims it is being served
        LOG.info("serving source '{}' over {} ({} encoder threads)", source.name(), transport.name(),
                config.encoderThreads());
        if (tls.enabled()) {
            LOG.info("TLS certificate {} ({})", tls.fingerprint(), tls.origin());
        } else {
            LOG.info("TLS off (--no-tls): plain SVP only");
        }
        source.sessionObserver().ifPresent(o -> o.listening(port()));
    }

    private void bindBase(int base) throws BindException, InterruptedException {
        if (config.singlePort()) {
            Channel ch = bind(base, null);
            int port = ((java.net.InetSocketAddress) ch.localAddress()).getPort();
            channelList = list(port, true);
        } else if (base == 0) {
            bindFreeRange();
        } else {
            bindRange(base);
            channelList = list(base, false);
        }
    }

    /** {@code --ports LIST}: the first base whose channel ports are all free. */
    private void bindFirstFree(List<Integer> bases) throws BindException, InterruptedException {
        for (int base : bases) {
            try {
                bindBase(base);
                return;
            } catch (BindException e) {
                LOG.info("base port {} is not free: {}", base, e.getMessage());
                listeners.forEach(Channel::close);
                listeners.clear();
            }
        }
        throw new BindException("no free base port in the list " + bases + " (each needs "
                + (config.singlePort() ? "its port" : "base..base+4") + " free on " + config.bindAddress() + ")");
    }

    private void bindFreeRange() throws BindException, InterruptedException {
        for (int attempt = 0; attempt < PORT_TRIES; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 60000);
            try {
                bindRange(base);
                channelList = list(base, false);
                return;
            } catch (BindException e) {
                listeners.forEach(Channel::close);
                listeners.clear();
            }
        }
        throw new BindException("found no five free consecutive ports in " + PORT_TRIES + " tries");
    }

    private void bindRange(int base) throws BindException, InterruptedException {
        for (ChannelType t : ChannelType.values()) {
            bind(base + t.wireId(), t);
        }
    }

    /**
     * @param port the port
     * @param type the only channel type this port accepts, or null for all (single port)
     */
    private Channel bind(int port, ChannelType type) throws BindException, InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(group, group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        var remote = ch.remoteAddress();
                        String refused = caps.admit(remote);
                        if (refused != null) { // before any handler or buffer exists for it
                            stats.refusedConnections.increment();
                            limitLog.warn(LOG, "closing {}: {}", remote, refused);
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> caps.release(remote));
                        connections.add(ch);
                        SvpFrameDecoder frames = new SvpFrameDecoder(config.maxInputBody());
                        // the SslHandler, if the first byte asks for TLS, goes in behind "unify": the
                        // byte counter sees what crosses the wire
                        ch.pipeline().addLast("bytes", new ByteCounter(stats.wireBytesSent))
                                .addLast("unify", new PortUnificationHandler(tls, stats.protocolDrops))
                                .addLast("frames", frames)
                                .addLast("encoder", new SvpMessageEncoder())
                                .addLast("limits", new ConnectionGuard(limits, type, frames, limitLog, stats))
                                .addLast("session", new ChannelHandshakeHandler(registry, source.input(),
                                        channelList, stats, sessions, config.security(), failures, type));
                    }
                });
        var future = b.bind(config.bindAddress(), port).await();
        if (!future.isSuccess()) {
            String why = String.valueOf(future.cause().getMessage());
            BindException e = new BindException("cannot listen on " + config.bindAddress() + ":" + port + ": "
                    + (why.contains("Address already in use") ? "port " + port + " is already in use" : why));
            throw e;
        }
        listeners.add(future.channel());
        return future.channel();
    }

    private static ChannelList list(int base, boolean single) {
        List<ChannelEntry> entries = new ArrayList<>();
        for (ChannelType t : ChannelType.values()) {
            entries.add(new ChannelEntry(t.wireId(), single ? base : base + t.wireId()));
        }
        return new ChannelList(ProtocolLimits.VERSION_1, entries);
    }

    /**
     * Registers a listener for the source stopping for good (e.g. its X server exited). Listeners run
     * once, on a thread of their own ("svp-source-failure"), so they may {@link #close()} the server.
     * The server itself keeps serving the last picture until closed.
     *
     * @param listener receives what the source reported
     */
    public void onSourceFailure(Consumer<UpstreamException> listener) {
        failureListeners.add(listener);
    }

    /**
     * Registers a listener for the source's upstream asking the server to stop (not an error). Runs
     * once, on a thread of its own ("svp-source-finish"), so it may {@link #close()} the server.
     *
     * @param listener what to run
     */
    public void onSourceFinished(Runnable listener) {
        finishListeners.add(listener);
    }

    private void sourceFinished() {
        LOG.info("source '{}' asked the server to stop", source.name());
        Thread t = new Thread(() -> finishListeners.forEach(Runnable::run), "svp-source-finish");
        t.setDaemon(true);
        t.start();
    }

    /** The source's thread reports its end: one log line, then the listeners on their own thread. */
    private void sourceFailed(UpstreamException e) {
        LOG.error("source '{}' failed: {}", source.name(), e.getMessage());
        Thread t = new Thread(() -> failureListeners.forEach(l -> {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("a source-failure listener failed", ex);
            }
        }), "svp-source-failure");
        t.setDaemon(true);
        t.start();
    }

    /** @return what CHANNEL_LIST announces: one entry per channel with its port */
    public ChannelList channelList() {
        return channelList;
    }

    /** @return the main channel's port */
    public int port() {
        return channelList.channels().getFirst().port();
    }

    /** @return the TLS settings every port serves with */
    public ServerTls tls() {
        return tls;
    }

    /** @return live counters */
    public ServerStats stats() {
        return stats;
    }

    /** @return connections open now (admitted by the caps, not yet closed) */
    public int openConnections() {
        return caps.total();
    }

    /** @return "epoll" or "nio" */
    public String transportName() {
        return transport.name();
    }

    /**
     * A copy of the server's framebuffer as of the last dispatched update, taken on the I/O thread.
     *
     * @return the copy
     */
    public CompletableFuture<Surface> snapshot() {
        CompletableFuture<Surface> f = new CompletableFuture<>();
        io.execute(() -> {
            Surface s = new Surface(mirror.width(), mirror.height());
            System.arraycopy(mirror.pixels(), 0, s.pixels(), 0, mirror.width() * mirror.height());
            f.complete(s);
        });
        return f;
    }

    /**
     * The server's model of each display client's screen cache, read on the I/O thread (tests and
     * diagnostics: they compare it with what the clients hold).
     *
     * @return per display client in join order, its cached keys from least to most recently used and the
     *     bytes they take; null for a client without a screen cache
     */
    public CompletableFuture<java.util.List<long[]>> screenCacheKeys() {
        return CompletableFuture.supplyAsync(() -> registry.displays().stream().map(d -> {
            org.svp.render.ScreenCache c = d.screenCache();
            if (c == null) {
                return null;
            }
            long[] keys = c.keysInLruOrder();
            long[] out = java.util.Arrays.copyOf(keys, keys.length + 1);
            out[keys.length] = c.used();
            return out;
        }).toList(), io);
    }

    /**
     * What flow control measured about each display client's link (docs/architecture.md "Congestion
     * control"), read on the I/O thread.
     *
     * @return per display client in join order; {@link org.svp.server.flow.LinkEstimate#UNKNOWN} without flow control
     */
    public CompletableFuture<java.util.List<org.svp.server.flow.LinkEstimate>> linkEstimates() {
        return CompletableFuture.supplyAsync(() -> registry.displays().stream().map(d -> d.linkEstimate()).toList(), io);
    }

    /** @return the distinct codec choices of the display clients (read on the I/O thread; tests) */
    public CompletableFuture<java.util.Set<org.svp.server.encode.CodecChoice>> displayCodecs() {
        return CompletableFuture.supplyAsync(registry::codecs, io);
    }

    /** @return how many display clients are connected (read on the I/O thread) */
    public CompletableFuture<Integer> displayClientCount() {
        return CompletableFuture.supplyAsync(registry::displayCount, io);
    }

    /** Stops the source, closes every socket and the thread pools. Idempotent. */
    @Override
    public void close() {
        try {
            source.close();
        } finally {
            if (!io.isShuttingDown()) {
                // Netty 4.2's loop closes its channels at shutdown only if it sees the shutdown before its
                // task pass; when shutdownGracefully(0, …) lands during that pass (as after the task
                // below) the loop ends with every client's socket still open, and the clients never learn
                // that the server is gone (ViewerReconnectTest caught it). So close them here and wait:
                // the listeners first, so that no connection is accepted after the group was closed.
                listeners.forEach(l -> l.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
                if (!connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS)) {
                    LOG.warn("connections still closing after 2 s; stopping the event loop anyway");
                }
                io.execute(registry::close); // the shared resync tiles' pooled buffers, before the loop ends
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownNow();
        }
    }
}
