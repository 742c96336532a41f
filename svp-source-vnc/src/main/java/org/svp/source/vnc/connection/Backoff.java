package org.svp.source.vnc.connection;

import java.time.Duration;

/** Reconnect delays: 0.5 s, doubling, at most 5 s; {@link #reset} after a connection worked. */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration MAX = Duration.ofSeconds(5);
    private Duration next = FIRST;

    /** @return the delay before the next attempt */
    Duration next() {
        Duration d = next;
        next = next.multipliedBy(2).compareTo(MAX) > 0 ? MAX : next.multipliedBy(2);
        return d;
    }

    void reset() {
        next = FIRST;
    }
}
