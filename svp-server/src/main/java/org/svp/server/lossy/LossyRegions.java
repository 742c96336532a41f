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

    private final Map<Rect, Long> lastLossy = new LinkedHashMap<>();

    /**
     * @param r a rectangle just coded lossy
     * @param nanos when ({@link System#nanoTime()})
     * @return nanoseconds since this same rectangle was last coded lossy, or -1 if it was not pending
     */
    public synchronized long note(Rect r, long nanos) {
        Long before = lastLossy.remove(r);
        lastLossy.put(r, nanos);
        if (lastLossy.size() > MAX_ENTRIES) {
            Rect box = null;
            for (Rect e : lastLossy.keySet()) {
                box = box == null ? e : box.union(e);
            }
            lastLossy.clear();
            lastLossy.put(box, nanos);
        }
        return before == null ? -1 : nanos - before;
    }

    /**
     * Removes and returns the rectangles not coded lossy for {@code quietNanos}.
     *
     * @param nanos now
     * @param quietNanos how long a rectangle must have been still
     * @return them, oldest first
     */
    public synchronized List<Rect> takeStill(long nanos, long quietNanos) {
        List<Rect> out = new ArrayList<>();
        for (Iterator<Map.Entry<Rect, Long>> it = lastLossy.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Rect, Long> e = it.next();
            if (nanos - e.getValue() >= quietNanos) {
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
