package org.svp.source.vrde.order;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Screen areas whose pixels the clients do not have right yet: a REFRESH was asked for and the
 * module's BITMAP records for them have not all arrived. A SCREENBLT reading from here cannot be
 * reproduced, so its destination is refreshed (and becomes stale) too. At most {@link #MAX} rects,
 * then their bounding box. "svp-vrde" thread.
 */
final class StaleRegion {
    static final int MAX = 64;
    private final List<Rect> rects = new ArrayList<>();

    void add(Rect r) {
        if (r.isEmpty()) {
            return;
        }
        rects.add(r);
        if (rects.size() > MAX) {
            Rect box = rects.getFirst();
            for (Rect x : rects) {
                box = box.union(x);
            }
            rects.clear();
            rects.add(box);
        }
    }

    boolean overlaps(Rect r) {
        for (Rect s : rects) {
            if (!s.intersect(r).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Fresh pixels arrived for {@code fresh}: what it covers is no longer stale. */
    void cover(Rect fresh) {
        if (rects.isEmpty() || fresh.isEmpty()) {
            return;
        }
        List<Rect> left = new ArrayList<>();
        for (Rect s : rects) {
            subtract(s, fresh, left);
        }
        rects.clear();
        rects.addAll(left);
    }

    /** Adds {@code s} minus {@code f} (up to four rects: above, below, left, right). */
    static void subtract(Rect s, Rect f, List<Rect> out) {
        Rect i = s.intersect(f);
        if (i.isEmpty()) {
            out.add(s);
            return;
        }
        if (i.y() > s.y()) {
            out.add(new Rect(s.x(), s.y(), s.width(), i.y() - s.y()));
        }
        if (i.bottom() < s.bottom()) {
            out.add(new Rect(s.x(), i.bottom(), s.width(), s.bottom() - i.bottom()));
        }
        if (i.x() > s.x()) {
            out.add(new Rect(s.x(), i.y(), i.x() - s.x(), i.height()));
        }
        if (i.right() < s.right()) {
            out.add(new Rect(i.right(), i.y(), s.right() - i.right(), i.height()));
        }
    }

    void clear() {
        rects.clear();
    }

    boolean isEmpty() {
        return rects.isEmpty();
    }
}
