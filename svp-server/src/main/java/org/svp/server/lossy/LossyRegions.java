package org.svp.server.lossy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * The screen rectangles sent lossy and not yet refreshed, each with when it was last sent lossy. The
 * encoder workers add (a band they coded as JPEG); the I/O thread's {@link LossyRefresh} takes the ones
 * still for long enough. Thread-safe (one lock; a few dozen entries).
 */
public final class LossyRegions {
    /** More entries than this collapse into their bounding box (bounded memory; a refresh of the box is exact too). */
    static final int MAX_ENTRIES = 256;

    /** When a rectangle was last coded lossy, and how long it must then stay still before its refresh. */
    private record Pending(long nanos, long quietNanos) {
    }

    private final Map<Rect, Pending> lastLossy = new LinkedHashMap<>();

    /**
     * @param r a rectangle just coded lossy
     * @param nanos when ({@link System#nanoTime()})
     * @param quietNanos how long it must be still before its refresh
     * @return nanoseconds since this same rectangle was last coded lossy, or -1 if it was not pending
     */
    public synchronized long note(Rect r, long nanos, long quietNanos) {
        Pending before = lastLossy.remove(r);
        lastLossy.put(r, new Pending(nanos, quietNanos));
        if (lastLossy.size() > MAX_ENTRIES) {
            Rect box = null;
            long quiet = 0;
            for (Map.Entry<Rect, Pending> e : lastLossy.entrySet()) {
                box = box == null ? e.getKey() : box.union(e.getKey());
                quiet = Math.max(quiet, e.getValue().quietNanos());
            }
            lastLossy.clear();
            lastLossy.put(box, new Pending(nanos, quiet));
        }
        return before == null ? -1 : nanos - before.nanos();
    }

    /**
     * Removes and returns the rectangles that have been still for their quiet time.
     *
     * @param nanos now
     * @return them, oldest first
     */
    public synchronized List<Rect> takeStill(long nanos) {
        List<Rect> out = new ArrayList<>();
        for (Iterator<Map.Entry<Rect, Pending>> it = lastLossy.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Rect, Pending> e = it.next();
            if (nanos - e.getValue().nanos() >= e.getValue().quietNanos()) {
                out.add(e.getKey());
                it.remove();
            }
        }
        return out;
    }

    /** @return how many rectangles wait for their refresh */
    public synchronized int pending() {
        return lastLossy.size();
    }
}
