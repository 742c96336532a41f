package org.svp.server.session;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * The screen area a lagging display client must be re-sent from the mirror. A short list of rects;
 * past {@link #MAX_RECTS}, or once the rects overlap so much that their areas add up to more than their
 * bounding box, it collapses to that box, so a resync never re-sends more than the box's pixels and
 * memory stays bounded whatever the client's backlog. I/O thread only.
 */
final class DamageRegion {
    /** More rects than this cost more in headers than the overdraw of one bounding box saves. */
    static final int MAX_RECTS = 16;

    private final List<Rect> rects = new ArrayList<>();

    void add(Rect r) {
        if (r == null || r.isEmpty()) {
            return;
        }
        for (Rect have : rects) {
            if (have.union(r).equals(have)) {
                return;
            }
        }
        rects.removeIf(have -> r.union(have).equals(r));
        rects.add(r);
        Rect box = rects.getFirst();
        long area = 0;
        for (Rect x : rects) {
            box = box.union(x);
            area += (long) x.width() * x.height();
        }
        // Overlapping rects would be re-sent once each: when they cover more pixels than their bounding
        // box, the box is cheaper, and it keeps a resync within one screen of pixels (bounded memory).
        if (rects.size() > MAX_RECTS || area > (long) box.width() * box.height()) {
            rects.clear();
            rects.add(box);
        }
    }

    /**
     * Removes and returns the rects of at most {@code maxPixels} pixels (flow control sends those first).
     *
     * @param maxPixels the largest area that counts as small
     * @return them, in the order they were added
     */
    List<Rect> takeSmall(long maxPixels) {
        List<Rect> small = rects.stream().filter(r -> (long) r.width() * r.height() <= maxPixels).toList();
        rects.removeAll(small);
        return small;
    }

    void clear() {
        rects.clear();
    }

    boolean isEmpty() {
        return rects.isEmpty();
    }

    List<Rect> rects() {
        return List.copyOf(rects);
    }
}
