package org.svp.server.session;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * The screen area a lagging display client must be re-sent from the mirror. A short list of rects;
 * past {@link #MAX_RECTS} it collapses to their bounding box, so memory stays bounded whatever the
 * client's backlog. I/O thread only.
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
        if (rects.size() > MAX_RECTS) {
            Rect box = rects.getFirst();
            for (Rect x : rects) {
                box = box.union(x);
            }
            rects.clear();
            rects.add(box);
        }
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
