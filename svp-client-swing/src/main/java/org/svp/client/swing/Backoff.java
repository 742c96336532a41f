package org.svp.client.swing;

import java.time.Duration;

/**
 * Reconnect delays: 1, 2, 4, 8, 16, then 30 s for every later attempt; back to 1 s after a connection
 * that worked. Used by the session's connect thread only.
 */
final class Backoff {
    /** First delay. */
    static final Duration FIRST = Duration.ofSeconds(1);
    /** Longest delay. */
    static final Duration MAX = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** @return the delay before the next attempt (and doubles the one after) */
    Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        return d;
    }

    /** A connection worked: start again at {@link #FIRST}. */
    void reset() {
        next = FIRST;
    }
}
