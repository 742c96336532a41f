package org.svp.source.vnc.connection;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.vnc.VncStats;
import org.svp.source.vnc.VncTarget;
import org.svp.source.vnc.rfb.ServerMessageDecoder;

/**
 * The connection to the upstream and the reconnect loop around it, on one Netty event loop thread
 * "svp-vnc" (NIO: one socket needs no epoll). {@link #start} connects and waits for the first
 * ServerInit (retrying refused connections with back-off while a VM's VNC server comes up). After
 * that a lost connection is retried forever — 0.5 s, doubling, at most 5 s between attempts — until
 * one works or {@link #close}; the log gets one line per state change (connected, lost, reconnecting,
 * connected again), never one per attempt. A failure that reconnecting cannot mend (authentication)
 * goes to {@link Session#failed}.
 */
public final class UpstreamLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamLink.class);
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final VncTarget target;
    private final String password;
    private final Session session;
    private final VncStats stats;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final Backoff backoff = new Backoff();
    private final CompletableFuture<ServerInit> first = new CompletableFuture<>();
    private volatile boolean closed;
    /** The event loop's thread, to interrupt when it is stuck handing an update to a full server queue. */
    private volatile Thread loopThread;
    /** Why the latest attempt failed, for the error when the first connection never comes. */
    private volatile String lastFailure;
    private boolean everConnected;
    private boolean reconnecting;
    private Channel channel;

    /**
     * @param target where the VNC server listens
     * @param password for VNC authentication, or null
     * @param session the source's side
     * @param stats counters
     */
    public UpstreamLink(VncTarget target, String password, Session session, VncStats stats) {
        this.target = target;
        this.password = password;
        this.session = session;
        this.stats = stats;
        this.group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new FastThreadLocalThread(r, "svp-vnc");
            t.setDaemon(true);
            return t;
        }, NioIoHandler.newFactory());
        this.loop = group.next();
    }

    /** @return the event loop every callback runs on (input is handed to it) */
    public EventLoop loop() {
        return loop;
    }

    /**
     * Connects and waits for the hand-shake.
     *
     * @param timeout how long to keep trying
     * @return what the server said
     * @throws UpstreamException if no connection worked in time, or the server refused us
     */
    public ServerInit start(Duration timeout) {
        loop.execute(this::attempt);
        try {
            return first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof UpstreamException u ? u
                    : new UpstreamException("cannot connect to " + target + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            close();
            String why = lastFailure;
            throw new UpstreamException("cannot connect to " + target + (why == null ? "" : ": " + why) + " (tried for "
                    + timeout.toSeconds() + " s)", null);
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while connecting to " + target, e);
        }
    }

    /** One connection attempt; event loop. */
    private void attempt() {
        loopThread = Thread.currentThread();
        if (closed) {
            return;
        }
        RfbHandshake handshake = new RfbHandshake(password);
        RfbChannelHandler handler = new RfbChannelHandler(handshake, stats, this::established);
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(handler);
                    }
                });
        ChannelFuture f = b.connect(target.host(), target.port());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                retry(describe(done.cause()));
                return;
            }
            channel = f.channel();
            channel.closeFuture().addListener(c -> ended(handler));
        });
    }

    private ServerMessageDecoder established(ServerInit init, Consumer<byte[]> send) {
        boolean again = everConnected;
        everConnected = true;
        backoff.reset();
        if (!again) {
            LOG.info("connected to {} (RFB {}, {}x{}, '{}')", target, init.version(), init.width(), init.height(), init.name());
        } else {
            stats.reconnects.increment();
            LOG.info("connected again to {} (RFB {}, {}x{}): sending the new screen", target, init.version(), init.width(),
                    init.height());
        }
        reconnecting = false;
        ServerMessageDecoder d = session.connected(init, send, again);
        first.complete(init);
        return d;
    }

    /** The channel closed (server gone, error, or {@link #close}); event loop. */
    private void ended(RfbChannelHandler handler) {
        channel = null;
        if (closed) {
            return;
        }
        Throwable why = handler.failure();
        if (handler.permanent() && why instanceof UpstreamException u) {
            if (!first.isDone()) {
                first.completeExceptionally(u);
            } else {
                LOG.warn("{} refused us: {}", target, u.getMessage());
                session.failed(u);
            }
            return;
        }
        if (handler.established()) {
            LOG.warn("lost {}: {}; SVP clients keep the last picture", target, why == null ? "the server closed the connection" : describe(why));
            session.lost();
        }
        retry(why == null ? "the server closed the connection" : describe(why));
    }

    private void retry(String why) {
        lastFailure = why;
        if (closed) {
            return;
        }
        if (!reconnecting) {
            reconnecting = true;
            if (everConnected) {
                LOG.info("reconnecting to {} (every {} ms up to {} s until it answers)", target, Backoff.FIRST.toMillis(),
                        Backoff.MAX.toSeconds());
            } else {
                LOG.info("waiting for {} to answer: {}", target, why);
            }
        }
        Duration d = backoff.next();
        LOG.debug("next attempt at {} in {} ms ({})", target, d.toMillis(), why);
        loop.schedule(this::attempt, d.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Closes the connection and stops the thread. Idempotent; any thread but "svp-vnc". */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(() -> {
            if (channel != null) {
                channel.close();
            }
        });
        var terminated = group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (!terminated.awaitUninterruptibly(2, TimeUnit.SECONDS) && loopThread != null) {
            loopThread.interrupt(); // blocked in DisplaySink.submit: the server no longer drains
            terminated.awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
