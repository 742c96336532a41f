package org.svp.client.swing.view;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * What painting costs: time the display thread spends copying damage into the back buffer, time the
 * EDT spends in {@code paintComponent}, updates painted, and the paint latency of each painted update
 * (display thread started on the message → painted and flushed to the window system). Counters are
 * written by the display thread and the EDT and read by anyone; latencies keep the newest
 * {@link #MAX_SAMPLES}.
 */
public final class PaintStats {
    /** Latency samples kept (a ring). */
    public static final int MAX_SAMPLES = 1 << 16;

    /** Nanoseconds the display thread spent copying damaged pixels into the back buffer. */
    public final LongAdder copyNanos = new LongAdder();
    /** Nanoseconds spent in paintComponent. */
    public final LongAdder paintNanos = new LongAdder();
    /** paintComponent calls that painted new damage (frames shown). */
    public final LongAdder framesPainted = new LongAdder();

    private final long[] latencies = new long[MAX_SAMPLES];
    private long latencyCount;

    /** @param nanos one update's paint latency */
    synchronized void addLatency(long nanos) {
        latencies[(int) (latencyCount++ % MAX_SAMPLES)] = nanos;
    }

    /** @return latency samples recorded so far (also those pushed out of the ring) */
    public synchronized long latencyCount() {
        return latencyCount;
    }

    /** Forgets the latency samples (after a warm-up). */
    public synchronized void clearLatencies() {
        latencyCount = 0;
    }

    /**
     * @param fraction 0.5 for the median, 0.99 for p99
     * @return that percentile of the kept latencies in ns, or 0 without samples
     */
    public synchronized long latencyPercentile(double fraction) {
        int n = (int) Math.min(latencyCount, MAX_SAMPLES);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.ceil(fraction * n) - 1)];
    }
}
