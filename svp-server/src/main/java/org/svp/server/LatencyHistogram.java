package org.svp.server;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free histogram of latencies with logarithmic buckets (8 per power of two, so a percentile is
 * within about 9 % of the true value), from 1 µs to about 68 s. Recorded on the I/O thread, read by
 * anyone (benchmarks).
 */
public final class LatencyHistogram {
    /** Sub-buckets per power of two. */
    private static final int SUB = 8;
    /** Powers of two covered above 1 µs. */
    private static final int POWERS = 26;
    /** Bucket 0 holds latencies under 1 µs. */
    private static final int BUCKETS = SUB * POWERS + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** @param nanos one latency */
    public void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(0, nanos) / 1000));
    }

    private static int bucket(long micros) {
        if (micros < 1) {
            return 0;
        }
        int power = 63 - Long.numberOfLeadingZeros(micros);
        int sub = power >= 3 ? (int) ((micros >> (power - 3)) & (SUB - 1)) : (int) ((micros << (3 - power)) & (SUB - 1));
        return Math.min(BUCKETS - 1, 1 + power * SUB + sub);
    }

    private static double upperMicros(int bucket) {
        if (bucket == 0) {
            return 1;
        }
        int power = (bucket - 1) / SUB;
        int sub = (bucket - 1) % SUB;
        return Math.pow(2, power) * (1 + (sub + 1) / (double) SUB);
    }

    /** @return a copy of the bucket counts (subtract two copies to measure an interval) */
    public long[] snapshot() {
        long[] s = new long[counts.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = counts.get(i);
        }
        return s;
    }

    /**
     * @param snapshot counts from {@link #snapshot()} (or a difference of two)
     * @param quantile 0..1, e.g. 0.99
     * @return the bucket's upper bound in milliseconds, or NaN if the snapshot is empty
     */
    public static double quantileMillis(long[] snapshot, double quantile) {
        long total = 0;
        for (long c : snapshot) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= Math.max(1, rank)) {
                return upperMicros(i) / 1000.0;
            }
        }
        return upperMicros(snapshot.length - 1) / 1000.0;
    }

    /**
     * @param later a later snapshot
     * @param earlier an earlier one
     * @return the counts recorded in between
     */
    public static long[] minus(long[] later, long[] earlier) {
        long[] d = new long[later.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = later[i] - earlier[i];
        }
        return d;
    }
}
