package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/** Rect lists as regions: the visible part of a window is its frame minus the frames above it. */
final class Regions {
    private Regions() {
    }

    /**
     * @param region disjoint rects
     * @param cut the rect to remove
     * @return disjoint rects covering region minus cut (up to four pieces per rect: above, below, left,
     *     right of the cut)
     */
    static List<Rect> subtract(List<Rect> region, Rect cut) {
        List<Rect> out = new ArrayList<>();
        for (Rect r : region) {
            out.addAll(r.minus(cut));
        }
        return out;
    }

    /**
     * @param region disjoint rects
     * @param clip a rect
     * @return the non-empty parts of region inside clip
     */
    static List<Rect> intersect(List<Rect> region, Rect clip) {
        List<Rect> out = new ArrayList<>();
        for (Rect r : region) {
            add(out, r.intersect(clip));
        }
        return out;
    }

    private static void add(List<Rect> out, Rect r) {
        if (r.width() > 0 && r.height() > 0) {
            out.add(r);
        }
    }
}
