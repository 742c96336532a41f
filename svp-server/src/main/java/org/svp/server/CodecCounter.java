package org.svp.server;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one codec (or SOLID, the solid-tile orders) produced: bytes of encoded bitmap data, regions
 * (bitmaps or tiles) and encoder CPU time. Counted once per encoding on the encoder workers (and on
 * the I/O thread for resync bands), not once per client it is sent to. Thread-safe.
 */
public final class CodecCounter {
    private final LongAdder bytes = new LongAdder();
    private final LongAdder regions = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();

    /**
     * A copy of the counts.
     *
     * @param bytes encoded bytes (bitmap data; 12 bytes per SOLID_RECT body)
     * @param regions bitmaps or tiles encoded
     * @param cpuMicros encoder time in µs (wall time on the encoding thread)
     */
    public record Snapshot(long bytes, long regions, long cpuMicros) {
    }

    /**
     * @param encodedBytes bytes produced
     * @param nanos time spent
     */
    public void add(long encodedBytes, long nanos) {
        bytes.add(encodedBytes);
        regions.increment();
        cpuNanos.add(nanos);
    }

    /** @return the counts now */
    public Snapshot snapshot() {
        return new Snapshot(bytes.sum(), regions.sum(), cpuNanos.sum() / 1000);
    }
}
