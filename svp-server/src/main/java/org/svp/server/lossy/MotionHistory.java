package org.svp.server.lossy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * When each recently changed rectangle changed, to find video regions: a rectangle is "moving" when
 * it changed {@link #MOVING_UPDATES} times within the last second (≥ 10 fps, as "10 of the last 12
 * frames" at 10 fps or more). Keyed by exact rectangle: a playing video or an animation is re-drawn
 * as the same rectangle every frame. Thread-safe (encoder workers); bounded to {@link #MAX_RECTS}.
 */
final class MotionHistory {
    static final int MOVING_UPDATES = 10;
    static final long WINDOW_NANOS = 1_000_000_000L;
    static final int MAX_RECTS = 64;

    /** Per rectangle: its last change times in a ring, then how many changes were seen, then the last update's number. */
    private final Map<Rect, long[]> times = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Rect, long[]> eldest) {
            return size() > MAX_RECTS;
        }
    };

    /**
     * Records a change of {@code r}.
     *
     * @param r the rectangle
     * @param nanos when
     * @param seq the update's dispatch number (0 = unknown): an update counts once, however many
     *     client choices it is encoded for
     * @return its frame rate over the last {@link #MOVING_UPDATES} changes if it is moving, else 0
     */
    synchronized float changed(Rect r, long nanos, long seq) {
        long[] ring = times.computeIfAbsent(r, k -> new long[MOVING_UPDATES + 2]);
        int n;
        if (seq != 0 && ring[MOVING_UPDATES + 1] == seq) { // the same update, encoded for another client choice
            n = (int) ring[MOVING_UPDATES];
            nanos = ring[n % MOVING_UPDATES];
        } else {
            ring[MOVING_UPDATES + 1] = seq;
            n = (int) Math.min(Integer.MAX_VALUE - 1, ++ring[MOVING_UPDATES]);
            ring[n % MOVING_UPDATES] = nanos;
        }
        if (n < MOVING_UPDATES) {
            return 0;
        }
        long oldest = ring[(n + 1) % MOVING_UPDATES]; // the 10th most recent change
        long span = nanos - oldest;
        if (span > WINDOW_NANOS) {
            return 0;
        }
        return span <= 0 ? 60f : Math.min(60f, (MOVING_UPDATES - 1) * 1e9f / span);
    }
}
