package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Undoes the y-banding of X regions for the scroll search: XFixes splits a rectangle wherever another
 * damaged rectangle starts or ends at the same height, which would cut a scrolled window into bands
 * that each scroll out of themselves. Stacked rectangles with the same columns are joined again; stacked
 * rectangles whose columns mostly overlap (a terminal whose damage is an L because another window's
 * damage widens one band) are joined over their shared columns, so the whole terminal scrolls as one
 * and only its newest lines are sent as pixels, not also the lines that crossed the band edge. The
 * columns only one of them has stay rectangles of their own. The result is disjoint and inside the
 * damage, as the scroll search needs (it reads the new frame only where X reported damage). Called by
 * {@link ScreenDiffer#diff}; thread: "svp-x11".
 */
final class DamageBands {
    /** More rectangles than this are searched as X gave them (a fragmented region; each join is O(n)). */
    static final int MAX_JOINED = 256;

    private DamageBands() {
    }

    /**
     * @param rects banded rectangles (any order), disjoint
     * @return the same area, disjoint, with stacked rectangles joined
     */
    static List<Rect> join(List<Rect> rects) {
        List<Rect> same = joinSameColumns(rects);
        return same.size() > MAX_JOINED ? same : joinOverlapping(same);
    }

    /** Joins vertically adjacent, equally wide rectangles. */
    static List<Rect> joinSameColumns(List<Rect> rects) {
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

    /**
     * Joins, top to bottom, each rectangle with the one that starts where it ends and shares at least
     * half the wider one's columns (and at least {@link ScrollDetector#MIN_SIDE}): the joined rectangle
     * has the shared columns over both; each one's columns left and right of them stay separate.
     */
    static List<Rect> joinOverlapping(List<Rect> rects) {
        List<Rect> todo = new ArrayList<>(rects);
        todo.sort(Comparator.comparingInt(Rect::y).thenComparingInt(Rect::x));
        boolean[] used = new boolean[todo.size()];
        List<Rect> out = new ArrayList<>();
        for (int i = 0; i < todo.size(); i++) {
            if (used[i]) {
                continue;
            }
            used[i] = true;
            Rect cur = todo.get(i);
            for (int j = below(todo, used, cur, i + 1); j >= 0; j = below(todo, used, cur, j + 1)) {
                used[j] = true;
                Rect b = todo.get(j);
                int left = Math.max(cur.x(), b.x());
                int right = Math.min(cur.right(), b.right());
                sides(cur, left, right, out);
                sides(b, left, right, out);
                cur = new Rect(left, cur.y(), right - left, b.bottom() - cur.y());
            }
            out.add(cur);
        }
        return out;
    }

    /** @return the first unused rectangle from {@code from} on that {@code cur} joins with, or -1 */
    private static int below(List<Rect> todo, boolean[] used, Rect cur, int from) {
        for (int j = from; j < todo.size(); j++) {
            Rect b = todo.get(j);
            if (b.y() > cur.bottom()) {
                return -1; // sorted by y
            }
            if (used[j] || b.y() != cur.bottom()) {
                continue;
            }
            int shared = Math.min(cur.right(), b.right()) - Math.max(cur.x(), b.x());
            if (shared >= ScrollDetector.MIN_SIDE && 2 * shared >= Math.max(cur.width(), b.width())) {
                return j;
            }
        }
        return -1;
    }

    /** Adds the parts of {@code r} left of {@code left} and right of {@code right}. */
    private static void sides(Rect r, int left, int right, List<Rect> out) {
        if (r.x() < left) {
            out.add(new Rect(r.x(), r.y(), left - r.x(), r.height()));
        }
        if (right < r.right()) {
            out.add(new Rect(right, r.y(), r.right() - right, r.height()));
        }
    }
}
