package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Undoes the y-banding of X regions: XFixes splits a rectangle wherever another damaged rectangle
 * starts or ends at the same height, which would cut a scrolled window into bands that each scroll
 * out of themselves. Stacked rectangles with the same columns are joined again. Thread: "svp-x11".
 */
final class DamageBands {
    private DamageBands() {
    }

    /**
     * @param rects banded rectangles (any order)
     * @return the same area with vertically adjacent, equally wide rectangles joined
     */
    static List<Rect> join(List<Rect> rects) {
        List<Rect> sorted = new ArrayList<>(rects);
        sorted.sort(Comparator.comparingInt(Rect::x).thenComparingInt(Rect::width).thenComparingInt(Rect::y));
        List<Rect> out = new ArrayList<>();
        Rect cur = null;
        for (Rect r : sorted) {
            if (cur != null && r.x() == cur.x() && r.width() == cur.width() && r.y() == cur.bottom()) {
                cur = cur.union(r);
            } else {
                if (cur != null) {
                    out.add(cur);
                }
                cur = r;
            }
        }
        if (cur != null) {
            out.add(cur);
        }
        return out;
    }
}
