package org.svp.server.flow;

import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.netty.Frames;
import org.svp.protocol.message.FlowPing;

/**
 * One display client's flow control as {@code DisplayClient} uses it: counts the bytes it writes,
 * writes FLOW_PINGs, takes FLOW_PONGs and says whether another update may go out now
 * ({@link CongestionWindow} decides). {@link #off()} (v1 clients, v2 clients without the feature bit)
 * allows everything and sends nothing, so those clients behave exactly as before. svp-io only.
 */
public final class FlowControl {
    private static final Logger LOG = LoggerFactory.getLogger(FlowControl.class);
    /** A client that leaves a PING unanswered this long is served without flow control from then on. */
    static final long PONG_TIMEOUT_NANOS = 15_000_000_000L;
    /** The queue bound of a flow-controlled client never goes below this (a few ordinary updates). */
    static final long MIN_QUEUE_BOUND = 64 * 1024;
    /** ... and holds at least this long of what the link delivers. */
    static final long QUEUE_MILLIS = 80;

    /** Damaged areas up to this many pixels (a few characters, a cursor-sized marker) jump the resync round. */
    public static final long URGENT_PIXELS = 128 * 128;
    /** Resync bands of a flow-controlled client hold at least this many raw bytes. */
    static final int MIN_BAND_BYTES = 128 * 1024;

    private static final FlowControl OFF = new FlowControl(null);

    private final CongestionWindow window;
    private boolean gaveUp;

    private FlowControl(CongestionWindow window) {
        this.window = window;
    }

    /** @return flow control for a client that negotiated FLOW_CONTROL */
    public static FlowControl on() {
        return new FlowControl(new CongestionWindow());
    }

    /** @return no flow control: everything allowed, no PINGs (shared, stateless) */
    public static FlowControl off() {
        return OFF;
    }

    /** @return true for a client that negotiated flow control (even if it later stopped answering) */
    public boolean enabled() {
        return window != null;
    }

    private boolean active() {
        return window != null && !gaveUp;
    }

    /** @param bytes a frame just written to the socket */
    public void wrote(long bytes) {
        if (active()) {
            window.wrote(bytes);
        }
    }

    /**
     * @param channel the client's connection (for its address in the one log line of a client that
     *     stopped answering)
     * @return true if another update may be written now
     */
    public boolean mayWrite(Channel channel) {
        if (!active()) {
            return true;
        }
        if (window.oldestPingAge(System.nanoTime()) > PONG_TIMEOUT_NANOS) {
            gaveUp = true;
            LOG.warn("{}: no FLOW_PONG for {} s; serving it without flow control", channel.remoteAddress(),
                    PONG_TIMEOUT_NANOS / 1_000_000_000L);
            return true;
        }
        return window.mayWrite();
    }

    /**
     * Writes a FLOW_PING if one is due (between updates only; the caller flushes).
     *
     * @param channel the client's connection
     * @return true if a PING was written
     */
    public boolean ping(Channel channel) {
        if (!active()) {
            return false;
        }
        long seq = window.pingDue(System.nanoTime());
        if (seq < 0) {
            return false;
        }
        var frame = Frames.encode(channel.alloc(), new FlowPing(seq));
        window.wrotePing(frame.readableBytes());
        channel.write(frame, channel.voidPromise());
        return true;
    }

    /**
     * @param seq the seq of a FLOW_PONG from the client
     * @return false if it answers no outstanding PING (ignored)
     */
    public boolean pong(long seq) {
        return active() && window.pong(seq, System.nanoTime());
    }

    /**
     * The client's queue bound: with flow control, one window or {@link #QUEUE_MILLIS} of the measured
     * rate, whichever is more (at least {@link #MIN_QUEUE_BOUND}) — more queued than that becomes damage
     * and is re-sent from the newest pixels when the link has room. On a slow link both are about the
     * same; on a LAN the window is only ~25 ms of a fast client's decoding, and a queue of a few frames
     * keeps the encoder workers' frames (coalescing re-encodes on the I/O thread).
     *
     * @param configured the server's per-client bound
     * @return the bound to apply now
     */
    public long queueBound(long configured) {
        if (!active()) {
            return configured;
        }
        long byRate = window.estimate().throughputBytesPerSecond() * QUEUE_MILLIS / 1000;
        return Math.min(configured, Math.max(MIN_QUEUE_BOUND, Math.max(window.window(), byRate)));
    }

    /**
     * The size of resync bands: each is captured from the mirror when the window has room, so with flow
     * control a band is four windows of raw pixels (compressed, about a window: smaller bands compress
     * worse), at least {@link #MIN_BAND_BYTES}, so the newest pixels go out in steps the link drains
     * within a round trip or so.
     *
     * @param configured the largest band (raw bytes)
     * @return the band size to plan with, raw bytes
     */
    public int bandBytes(int configured) {
        return active() ? (int) Math.clamp(window.window() * 4, MIN_BAND_BYTES, configured) : configured;
    }

    /** @return what has been measured about the link, {@link LinkEstimate#UNKNOWN} without flow control */
    public LinkEstimate estimate() {
        return window == null ? LinkEstimate.UNKNOWN : window.estimate();
    }
}
