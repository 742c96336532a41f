package org.svp.server.flow;

import java.util.ArrayDeque;

/**
 * How many bytes one display client may have in flight, from FLOW_PING / FLOW_PONG round trips. Pure
 * arithmetic on the times it is handed (no clock, no I/O), so tests drive it with synthetic samples.
 * Called by {@link FlowControl} on svp-io.
 *
 * <p>The idea is TCP Vegas applied above TCP, as TigerVNC's congestion control does for VNC: TCP's own
 * window fills every buffer on the path (socket buffers, a bloated router or proxy buffer), so the
 * server limits itself to what the link holds. Every PONG gives a round-trip sample and says how many
 * of the bytes written before its PING the client has consumed. Once per measurement period (about one
 * round trip) the lowest sample of the period is compared with the lowest ever seen (the base RTT):
 * <ul>
 *   <li>queueing delay above the allowance: the window shrinks to what the link delivered in that period
 *       times (base RTT + allowance), the bandwidth-delay product plus a little queue;</li>
 *   <li>delay under half the allowance and the window was in use: it grows, doubling while in slow start
 *       (until the first sign of queueing), then by an eighth per period;</li>
 *   <li>in between: unchanged.</li>
 * </ul>
 * The window never goes below {@link #MIN_WINDOW} (one update is always allowed to go out whole, so a
 * small window costs latency, never progress) or above {@link #MAX_WINDOW}.
 */
public final class CongestionWindow {
    /** The window before any measurement: small enough for slow links, grown fast by slow start. */
    public static final long INITIAL_WINDOW = 64 * 1024;
    /** A floor: below it per-round-trip overheads (headers, PING) dominate. */
    public static final long MIN_WINDOW = 16 * 1024;
    /** A ceiling: what a LAN client may have in flight (well above 1 Gbit/s × 100 ms). */
    public static final long MAX_WINDOW = 32L << 20;
    /** Queueing delay tolerated above the base RTT, at least (a quarter of the base RTT if larger). */
    public static final long MIN_ALLOWANCE_NANOS = 20_000_000L;
    /** Shortest measurement period (a LAN's RTT is far below it; samples are too noisy to use singly). */
    static final long MIN_PERIOD_NANOS = 10_000_000L;
    /** Pings are sent at most this far apart while others are outstanding, at least {@link #MIN_PING_GAP_NANOS}. */
    static final long MAX_PING_GAP_NANOS = 50_000_000L;
    static final long MIN_PING_GAP_NANOS = 2_000_000L;
    /** More unanswered pings than this is a client that does not answer: no more are sent. */
    static final int MAX_OUTSTANDING = 256;

    /** One PING written and not yet answered. */
    private record Ping(long seq, long position, long sentNanos) {
    }

    private final ArrayDeque<Ping> pings = new ArrayDeque<>();
    private long written;
    private long acked;
    private long window = INITIAL_WINDOW;
    private boolean slowStart = true;
    private long baseRtt = Long.MAX_VALUE;
    private long smoothedRtt;
    private long nextSeq;
    private long lastPingNanos;
    private long pingedPosition = -1;
    private long rate;
    private boolean periodOpen;
    private long periodStart;
    private long periodAckedStart;
    private long periodMinRtt;
    private long periodMaxInFlight;

    /** @param bytes bytes just handed to the socket (frames and PINGs) */
    public void wrote(long bytes) {
        written += bytes;
        periodMaxInFlight = Math.max(periodMaxInFlight, inFlight());
    }

    /** @return bytes written and not yet acknowledged by a PONG */
    public long inFlight() {
        return written - acked;
    }

    /** @return true while another update may be written (one update always goes out whole) */
    public boolean mayWrite() {
        return inFlight() < window;
    }

    /** @return the congestion window in bytes */
    public long window() {
        return window;
    }

    /** @return whether slow start is still on (no queueing seen yet) */
    public boolean slowStart() {
        return slowStart;
    }

    /** @return the lowest round trip seen, in ns, or {@link Long#MAX_VALUE} before the first */
    public long baseRttNanos() {
        return baseRtt;
    }

    /**
     * Whether a PING should follow what was just written, and if so records it. A ping is due when bytes
     * were written since the last one (or none was ever sent: the first measures the idle link) and
     * either none is outstanding or the last one is at least a quarter of an RTT (2–50 ms) old.
     *
     * @param now the time of the write, ns
     * @return the seq to send (u32), or -1 for none
     */
    public long pingDue(long now) {
        boolean fresh = written > pingedPosition;
        boolean gap = pings.isEmpty() || now - lastPingNanos >= pingGap();
        if (!fresh || !gap || pings.size() >= MAX_OUTSTANDING) {
            return -1;
        }
        long seq = nextSeq;
        nextSeq = (nextSeq + 1) & 0xFFFF_FFFFL;
        pings.add(new Ping(seq, written, now));
        pingedPosition = written;
        lastPingNanos = now;
        return seq;
    }

    private long pingGap() {
        return Math.clamp(smoothedRtt / 4, MIN_PING_GAP_NANOS, MAX_PING_GAP_NANOS);
    }

    /**
     * A PONG arrived: everything written before its PING was consumed.
     *
     * @param seq its seq
     * @param now arrival time, ns
     * @return false if no outstanding PING has that seq (ignored)
     */
    public boolean pong(long seq, long now) {
        if (pings.stream().noneMatch(p -> p.seq() == seq)) {
            return false;
        }
        Ping p;
        do {
            p = pings.poll(); // PONGs come in order; older unanswered ones are covered by this one
        } while (p.seq() != seq);
        long rtt = Math.max(1, now - p.sentNanos());
        acked = Math.max(acked, p.position());
        baseRtt = Math.min(baseRtt, rtt);
        smoothedRtt = smoothedRtt == 0 ? rtt : (smoothedRtt * 7 + rtt) / 8;
        if (!periodOpen) {
            openPeriod(now);
        }
        periodMinRtt = Math.min(periodMinRtt, rtt);
        if (now - periodStart >= Math.max(MIN_PERIOD_NANOS, smoothedRtt)) {
            endPeriod(now);
        }
        return true;
    }

    private void openPeriod(long now) {
        periodOpen = true;
        periodStart = now;
        periodAckedStart = acked;
        periodMinRtt = Long.MAX_VALUE;
        periodMaxInFlight = inFlight();
    }

    private void endPeriod(long now) {
        long periodRate = (acked - periodAckedStart) * 1_000_000_000L / (now - periodStart);
        rate = rate == 0 ? periodRate : (rate * 3 + periodRate) / 4;
        long allowance = allowance();
        long delay = periodMinRtt - baseRtt;
        boolean used = periodMaxInFlight >= window / 2;
        if (delay > allowance) {
            slowStart = false;
            long bdp = periodRate > 0 ? periodRate * (baseRtt + allowance) / 1_000_000_000L
                    : window * baseRtt / periodMinRtt;
            window = Math.min(window, bdp);
        } else if (delay > allowance / 2) {
            slowStart = false;
        } else if (used) {
            window = slowStart ? window * 2 : window + window / 8;
        }
        window = Math.clamp(window, MIN_WINDOW, MAX_WINDOW);
        openPeriod(now);
    }

    private long allowance() {
        return Math.max(MIN_ALLOWANCE_NANOS, baseRtt / 4);
    }

    /**
     * @param now the current time, ns
     * @return nanoseconds the oldest unanswered PING has waited, 0 when none is outstanding
     */
    public long oldestPingAge(long now) {
        Ping p = pings.peek();
        return p == null ? 0 : now - p.sentNanos();
    }

    /** @return what has been measured, for {@link LinkEstimate} */
    public LinkEstimate estimate() {
        if (baseRtt == Long.MAX_VALUE) {
            return LinkEstimate.UNKNOWN;
        }
        return new LinkEstimate(true, rate, smoothedRtt / 1e6, baseRtt / 1e6, window);
    }
}
