package org.svp.server.lossy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * The screen rectangles sent lossy and not yet refreshed, each with when it was last sent lossy. The
 * encoder workers add (a band they coded as JPEG), the I/O thread adds where a SCREEN_BLT copied such
 * pixels ({@link #copied}); the I/O thread's {@link LossyRefresh} takes the ones still for long enough. Thread-safe (one lock; a few dozen entries).
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
            collapse(nanos);
        }
        return before == null ? -1 : nanos - before.nanos();
    }

    /**
     * A SCREEN_BLT copied {@code src} by (dx, dy) on every client: whatever lossy pixels it carried are
     * now at the destination too, and the destination must be refreshed with them (else a window moved
     * while its photo waited for its refresh would keep the JPEG's pixels for good). I/O thread, at the
     * blt's dispatch, in source order: every JPEG band of an earlier update has been noted by then.
     *
     * @param src the blt's source rectangle
     * @param dx its horizontal offset to the destination
     * @param dy its vertical offset
     */
    public synchronized void copied(Rect src, int dx, int dy) {
        if (lastLossy.isEmpty()) {
            return;
        }
        List<Map.Entry<Rect, Pending>> moved = new ArrayList<>();
        for (Map.Entry<Rect, Pending> e : lastLossy.entrySet()) {
            Rect part = e.getKey().intersect(src);
            if (!part.isEmpty()) {
                moved.add(Map.entry(part.translate(dx, dy), e.getValue()));
            }
        }
        for (Map.Entry<Rect, Pending> m : moved) {
            Pending held = lastLossy.get(m.getKey());
            if (held == null || held.nanos() < m.getValue().nanos()) {
                lastLossy.put(m.getKey(), m.getValue());
            }
        }
        if (lastLossy.size() > MAX_ENTRIES) {
            collapse(lastLossy.values().stream().mapToLong(Pending::nanos).max().orElse(0));
        }
    }

    /** Replaces every entry with their bounding box, pending since {@code nanos} with the longest quiet time. */
    private void collapse(long nanos) {
        Rect box = null;
        long quiet = 0;
        for (Map.Entry<Rect, Pending> e : lastLossy.entrySet()) {
            box = box == null ? e.getKey() : box.union(e.getKey());
            quiet = Math.max(quiet, e.getValue().quietNanos());
        }
        lastLossy.clear();
        lastLossy.put(box, new Pending(nanos, quiet));
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
