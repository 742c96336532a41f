package org.svp.server.flow;

import java.util.ArrayDeque;

/**
 * How many bytes one display client may have in flight, from FLOW_PING / FLOW_PONG round trips. Pure
 * arithmetic on the times it is handed (no clock, no I/O), so tests drive it with synthetic samples.
 * Called by {@link FlowControl} on svp-io.
 *
 * <p>Why: TCP's own window fills every buffer on the path (socket buffers, a bloated router or proxy
 * buffer), so without this a slow link holds seconds of stale pictures. As TigerVNC's congestion
 * control does for VNC, the server limits itself to what the link holds, measured above TCP: every PONG
 * gives a round-trip sample and says how many of the bytes written before its PING the client has
 * consumed. Once per measurement period (about one round trip):
 * <ul>
 *   <li>the delivery rate of the period (bytes acknowledged / time) enters a max filter over the last
 *       {@link #RATE_PERIODS} periods — only periods in which the window held writes back, or that beat the
 *       filter, count, so an idle screen does not make the link look slow;</li>
 *   <li>the window becomes {@link #GAIN} × that rate × (base RTT + allowance): the bandwidth-delay product
 *       plus about {@code allowance} of queue (the base RTT is the lowest sample seen). Acknowledgements
 *       come several times per window, so a window above the product lets the next period deliver more if
 *       the link can: the window climbs to the link's rate by itself; while no queue has been seen (slow
 *       start) the gain is {@link #STARTUP_GAIN}, to get there in a few round trips;</li>
 *   <li>delay: when even the lowest round trip of a period, two periods in a row, is more than the
 *       allowance above what our own window explains (the base RTT, or the time the measured rate needs to drain one window), the link
 *       carries less than the filter says (it slowed down, or is shared): the filter restarts from this
 *       period's rate (at most halving it, like TCP's multiplicative decrease) and the window shrinks
 *       with it. While the RTT stays near that, the window keeps its size or grows with the measured
 *       rate.</li>
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
    /**
     * A link whose lowest round trip is below this is a LAN (or loopback): there a PING after every
     * update (a PONG waking the I/O thread 30–60 times a second per client) buys nothing, since the
     * window is far above what one update writes. Such a client gets a PING once a quarter window was
     * written or {@link #LAN_PING_GAP_NANOS} after the last one, whichever comes first.
     */
    static final long LAN_RTT_NANOS = 5_000_000L;
    /** See {@link #LAN_RTT_NANOS}: how often an uncongested LAN client's round trip is still sampled. */
    static final long LAN_PING_GAP_NANOS = 100_000_000L;
    /** More unanswered pings than this is a client that does not answer: no more are sent. */
    static final int MAX_OUTSTANDING = 256;
    /** A ping goes after any update once this share of the window was written since the last one. */
    static final int PINGS_PER_WINDOW = 4;
    /** ... but not after less than this (per-update pings on a LAN would be pure overhead). */
    static final long MIN_PING_BYTES = 4 * 1024;
    /** Window = gain × rate × (base RTT + allowance); above 1 so the next period can deliver more if the link allows. */
    static final double GAIN = 1.25;
    /** The gain until the first sign of queueing: reaches the link's rate in a few round trips. */
    static final double STARTUP_GAIN = 2;
    /** Periods in a row whose lowest RTT shows queueing before the delay rule cuts the rate. */
    static final int CONGESTED_PERIODS = 2;
    /** Periods the delivery-rate max filter remembers. */
    static final int RATE_PERIODS = 10;

    /** One PING written and not yet answered. */
    private record Ping(long seq, long position, long sentNanos) {
    }

    private final ArrayDeque<Ping> pings = new ArrayDeque<>();
    private final long[] rates = new long[RATE_PERIODS];
    private int rateIndex;
    private long written;
    private long acked;
    private long window = INITIAL_WINDOW;
    private boolean slowStart = true;
    private boolean heldBack;
    private long baseRtt = Long.MAX_VALUE;
    private long smoothedRtt;
    private long nextSeq;
    private long lastPingNanos;
    private long pingedPosition = -1;
    private boolean periodOpen;
    private long periodStart;
    private long periodAckedStart;
    private long periodMinRtt;
    private int congestedPeriods;

    /** @param bytes bytes just handed to the socket (frames and PINGs) */
    public void wrote(long bytes) {
        written += bytes;
    }

    /**
     * A FLOW_PING frame was written: its bytes are in flight, but they are no news for the next PING
     * (else an idle client's PONG would make the next PING due at once: a PING/PONG loop at loopback
     * speed that kept the I/O thread busy on an idle screen).
     *
     * @param bytes the PING frame's size
     */
    public void wrotePing(long bytes) {
        written += bytes;
        pingedPosition = written;
    }

    /** @return bytes written and not yet acknowledged by a PONG */
    public long inFlight() {
        return written - acked;
    }

    /** @return true while another update may be written (one update always goes out whole) */
    public boolean mayWrite() {
        if (inFlight() < window) {
            return true;
        }
        heldBack = true; // the window, not the screen, limits this period: its rate is the link's
        return false;
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
     * either none is outstanding, or the last one is at least a quarter of an RTT (2–50 ms) old, or a
     * quarter of the window was written since (so acknowledgements arrive several times per window and
     * the link stays busy instead of waiting for one PONG per window). On a LAN ({@link #LAN_RTT_NANOS})
     * only the quarter window, or {@link #LAN_PING_GAP_NANOS} since the last PING, makes one due.
     *
     * @param now the time of the write, ns
     * @return the seq to send (u32), or -1 for none
     */
    public long pingDue(long now) {
        boolean fresh = written > pingedPosition;
        boolean quarter = written - pingedPosition >= Math.max(MIN_PING_BYTES, window / PINGS_PER_WINDOW);
        boolean gap = baseRtt < LAN_RTT_NANOS
                ? quarter || now - lastPingNanos >= LAN_PING_GAP_NANOS
                : pings.isEmpty() || now - lastPingNanos >= pingGap() || quarter;
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
        if (now - periodStart >= Math.max(MIN_PERIOD_NANOS, rtt)) { // about one current round trip

            endPeriod(now);
        }
        return true;
    }

    private void openPeriod(long now) {
        periodOpen = true;
        periodStart = now;
        periodAckedStart = acked;
        periodMinRtt = Long.MAX_VALUE;
        heldBack = false;
    }

    private void endPeriod(long now) {
        long periodRate = (acked - periodAckedStart) * 1_000_000_000L / (now - periodStart);
        long allowance = allowance();
        long best = maxRate();
        // the round trip our own window explains: the base, or the time the link takes to drain a window
        long explained = best > 0 ? Math.max(baseRtt, window * 1_000_000_000L / best) : Long.MAX_VALUE / 2;
        boolean queued = periodMinRtt > explained + allowance;
        congestedPeriods = queued ? congestedPeriods + 1 : 0;
        if (queued && congestedPeriods >= CONGESTED_PERIODS) {
            // queueing beyond what our own window explains: the link carries less than remembered. At
            // most halved per period, and only after two such periods in a row: one slow period (a
            // stalled client, a busy machine) is not a slow link
            slowStart = false;
            java.util.Arrays.fill(rates, 0);
            rates[rateIndex] = Math.max(periodRate, best / 2);
        } else if (heldBack || periodRate > best) {
            rateIndex = (rateIndex + 1) % RATE_PERIODS;
            rates[rateIndex] = periodRate;
            if (periodMinRtt - baseRtt > allowance / 2) {
                slowStart = false;
            }
        }
        long rate = maxRate();
        if (rate > 0) {
            long bdp = rate * (baseRtt + allowance) / 1_000_000_000L;
            window = Math.clamp((long) ((slowStart ? STARTUP_GAIN : GAIN) * bdp), MIN_WINDOW, MAX_WINDOW);
        }
        openPeriod(now);
    }

    private long maxRate() {
        long m = 0;
        for (long r : rates) {
            m = Math.max(m, r);
        }
        return m;
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
        return new LinkEstimate(true, maxRate(), smoothedRtt / 1e6, baseRtt / 1e6, window);
    }
}
