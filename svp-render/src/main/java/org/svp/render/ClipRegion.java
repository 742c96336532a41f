package org.svp.render;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * A union of rectangles (the rects of one CLIP_DRAW, protocol.md §4). Immutable; the renderer uses it
 * on its own thread to cut each row of a drawing order into the spans that lie inside the union.
 * Overlapping rects are allowed; a pixel in several rects is still drawn once.
 */
public final class ClipRegion {
    private static final Rect EMPTY = new Rect(0, 0, 0, 0);

    /** The non-empty rects, as x0, y0, x1, y1 (exclusive) quadruples. */
    private final int[] edges;
    private final Rect bounds;

    private ClipRegion(int[] edges, Rect bounds) {
        this.edges = edges;
        this.bounds = bounds;
    }

    /**
     * @param rects
     *     the rectangles (empty ones are dropped); no rect means an empty region that clips everything
     * @return the region
     */
    public static ClipRegion of(List<Rect> rects) {
        List<Rect> kept = new ArrayList<>(rects.size());
        Rect bounds = EMPTY;
        for (Rect r : rects) {
            if (!r.isEmpty()) {
                kept.add(r);
                bounds = bounds.union(r);
            }
        }
        int[] edges = new int[kept.size() * 4];
        for (int i = 0; i < kept.size(); i++) {
            Rect r = kept.get(i);
            edges[4 * i] = r.x();
            edges[4 * i + 1] = r.y();
            edges[4 * i + 2] = r.right();
            edges[4 * i + 3] = r.bottom();
        }
        return new ClipRegion(edges, bounds);
    }

    /**
     * @param x
     *     column
     * @param y
     *     row
     * @return true when a rect of the region holds the pixel
     */
    public boolean contains(int x, int y) {
        for (int i = 0; i < edges.length; i += 4) {
            if (x >= edges[i] && y >= edges[i + 1] && x < edges[i + 2] && y < edges[i + 3]) {
                return true;
            }
        }
        return false;
    }

    /** @return the smallest rect holding every rect of the region (empty for an empty region) */
    public Rect bounds() {
        return bounds;
    }

    /** @return the most spans {@link #spans} can return, to size its buffer */
    int maxSpans() {
        return edges.length / 4;
    }

    /**
     * Cuts the row span {@code [x0, x1)} of row {@code y} to the region.
     *
     * @param out
     *     receives sorted, disjoint, non-adjacent spans as start, end (exclusive) pairs; at least
     *     {@code 2 * maxSpans()} long
     * @return the number of spans written
     */
    int spans(int y, int x0, int x1, int[] out) {
        int n = 0;
        for (int i = 0; i < edges.length; i += 4) {
            if (y < edges[i + 1] || y >= edges[i + 3]) {
                continue;
            }
            int s = Math.max(x0, edges[i]);
            int e = Math.min(x1, edges[i + 2]);
            if (s >= e) {
                continue;
            }
            int k = n;
            while (k > 0 && out[2 * (k - 1)] > s) {
                out[2 * k] = out[2 * (k - 1)];
                out[2 * k + 1] = out[2 * (k - 1) + 1];
                k--;
            }
            out[2 * k] = s;
            out[2 * k + 1] = e;
            n++;
        }
        int merged = 0;
        for (int i = 0; i < n; i++) {
            int s = out[2 * i];
            int e = out[2 * i + 1];
            if (merged > 0 && s <= out[2 * merged - 1]) {
                out[2 * merged - 1] = Math.max(out[2 * merged - 1], e);
            } else {
                out[2 * merged] = s;
                out[2 * merged + 1] = e;
                merged++;
            }
        }
        return merged;
    }
}
