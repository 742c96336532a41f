package org.svp.server.flow;

/**
 * What the server has measured about one display client's link, read-only: for policies that adapt to
 * it (the lossy quality choice picks from {@link #throughputBytesPerSecond()} and {@link #rttMillis()}).
 * A snapshot; ask the client again for a newer one. {@link #UNKNOWN} for clients without flow control
 * (v1, or a v2 client that did not negotiate it) and before the first round trip.
 *
 * @param measured false until at least one FLOW_PONG arrived
 * @param throughputBytesPerSecond bytes the client consumed per second, over the last measurement periods
 * @param rttMillis the latest smoothed round-trip time (includes the client's decoding of what was queued)
 * @param baseRttMillis the lowest round-trip time seen (the link without queues)
 * @param windowBytes the current congestion window: bytes the server lets be in flight
 */
public record LinkEstimate(boolean measured, long throughputBytesPerSecond, double rttMillis, double baseRttMillis,
                           long windowBytes) {
    /** Nothing measured (no flow control on this client, or no round trip yet). */
    public static final LinkEstimate UNKNOWN = new LinkEstimate(false, 0, 0, 0, 0);

    /** @return the throughput in megabits per second (for reports) */
    public double megabitsPerSecond() {
        return throughputBytesPerSecond * 8 / 1e6;
    }
}
