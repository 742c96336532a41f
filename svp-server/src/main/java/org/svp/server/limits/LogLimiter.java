package org.svp.server.limits;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most N warnings per interval from one source (a connection, or "all peers" for the
 * connection-level limit lines), then one summary line "… 1234 more warnings from 127.0.0.1:41234
 * suppressed" when the next interval's first warning comes or the connection closes. Without it
 * 1.6 MB of bad frames made 34.6 MB of log.
 *
 * <p>Every per-connection warning site gets the connection's limiter with {@link #of(Channel)};
 * {@link ConnectionGuard} creates it at accept and calls {@link #close()} when the connection ends.
 * Called on the I/O thread; synchronized so a stray caller on another thread is harmless.
 */
public final class LogLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(LogLimiter.class);
    private static final AttributeKey<LogLimiter> KEY = AttributeKey.valueOf(LogLimiter.class, "limiter");
    private static final AttributeKey<LogLimiter> ALL_PEERS = AttributeKey.valueOf(LogLimiter.class, "allPeers");

    private final String peer;
    private final int perInterval;
    private final long intervalNanos;
    private long intervalStart;
    private int inInterval;
    private long suppressed;

    /**
     * @param peer who the warnings are about, for the summary line
     * @param perInterval warnings logged per interval
     * @param interval the interval
     */
    public LogLimiter(String peer, int perInterval, Duration interval) {
        this.peer = peer;
        this.perInterval = perInterval;
        this.intervalNanos = interval.toNanos();
        this.intervalStart = System.nanoTime();
    }

    /**
     * @param ch a connection
     * @return its limiter (created with the defaults when the connection has none, e.g. in unit tests)
     */
    public static LogLimiter of(Channel ch) {
        LogLimiter l = ch.attr(KEY).get();
        if (l == null) {
            ServerLimits d = ServerLimits.DEFAULTS;
            l = new LogLimiter(String.valueOf(ch.remoteAddress()), d.warningsPerInterval(), d.warningInterval());
            LogLimiter old = ch.attr(KEY).setIfAbsent(l);
            return old != null ? old : l;
        }
        return l;
    }

    /**
     * For lines that end a connection ("closing …", "dropping connection …"): one per connection, so a
     * flood of connections would flood the log; they share the server-wide limiter.
     *
     * @param ch a connection
     * @return the server-wide limiter ConnectionGuard attached, else the connection's own
     */
    public static LogLimiter forAllPeers(Channel ch) {
        LogLimiter l = ch.attr(ALL_PEERS).get();
        return l != null ? l : of(ch);
    }

    /** Attaches this limiter to a connection (ConnectionGuard, at accept). */
    void attach(Channel ch) {
        ch.attr(KEY).set(this);
    }

    /** Attaches this (server-wide) limiter to a connection for {@link #forAllPeers}. */
    void attachForAllPeers(Channel ch) {
        ch.attr(ALL_PEERS).set(this);
    }

    /**
     * Counts one warning.
     *
     * @return true if it may be logged; false if it was suppressed (it is counted for the summary)
     */
    public synchronized boolean allow() {
        long now = System.nanoTime();
        if (now - intervalStart >= intervalNanos) {
            summary();
            intervalStart = now;
            inInterval = 0;
        }
        if (inInterval < perInterval) {
            inInterval++;
            return true;
        }
        suppressed++;
        return false;
    }

    /**
     * Logs a warning unless this interval's share is used up.
     *
     * @param log the caller's logger
     * @param format slf4j format
     * @param args its arguments
     */
    public void warn(Logger log, String format, Object... args) {
        if (allow()) {
            log.warn(format, args);
        }
    }

    /** @return warnings suppressed and not yet summarised */
    public synchronized long suppressed() {
        return suppressed;
    }

    /** Logs the summary of what was suppressed, if anything (the connection closed). */
    public synchronized void close() {
        summary();
    }

    private void summary() {
        if (suppressed > 0) {
            LOG.warn("… {} more warnings from {} suppressed", suppressed, peer);
            suppressed = 0;
        }
    }
}
