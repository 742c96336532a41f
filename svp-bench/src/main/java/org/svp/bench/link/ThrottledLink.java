package org.svp.bench.link;

/**
 * One direction of a simulated link: bytes are serialised at {@code rate}, one after another across
 * every connection using this direction, then arrive {@code delay} later. Called by the proxy's reader
 * threads; thread-safe.
 */
final class ThrottledLink {
    private final double nanosPerByte;
    private final long delayNanos;
    private long busyUntil;
    private long bytes;

    /**
     * @param bitsPerSecond the link rate
     * @param oneWayDelayNanos propagation delay (half the round trip)
     */
    ThrottledLink(long bitsPerSecond, long oneWayDelayNanos) {
        this.nanosPerByte = 8e9 / bitsPerSecond;
        this.delayNanos = oneWayDelayNanos;
    }

    /**
     * @param n bytes that entered the link
     * @param now when, {@link System#nanoTime()}
     * @return when they leave its far end
     */
    synchronized long schedule(int n, long now) {
        long start = Math.max(now, busyUntil);
        busyUntil = start + (long) (n * nanosPerByte);
        bytes += n;
        return busyUntil + delayNanos;
    }

    /** @return bytes that entered this direction so far */
    synchronized long bytes() {
        return bytes;
    }
}
