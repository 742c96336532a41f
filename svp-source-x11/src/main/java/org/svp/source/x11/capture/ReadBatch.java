package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * One XShmGetImage of {@code bounds} that serves several of {@link TileGrid#readRects}' rectangles
 * ({@code parts}, each inside it): a round trip costs both processes a few system calls and a
 * context switch each way (six calls on our side with libxcb: poll, writev, poll, recvmsg and two
 * more recvmsg), dearer on this paravirtualised machine than the X server copying a few more
 * pixels into the segment. Only the parts are copied out of the segment, so the extra pixels cost
 * the X server's copy alone. Thread: "svp-x11" ({@code CaptureLoop.capture}).
 *
 * @param bounds what to read
 * @param parts the read rectangles inside it (disjoint)
 */
public record ReadBatch(Rect bounds, List<Rect> parts) {
    /**
     * Pixels not asked for that one read may add to save a round trip: 8 tiles (32 K pixels,
     * 128 KB), some 10–30 µs of the X server's copying against a round trip's system calls and
     * context switches on both sides.
     */
    public static final int MAX_EXTRA_PIXELS = 8 * TileGrid.TILE * TileGrid.TILE;
    /**
     * More rectangles than this are read one by one, as before batching: the greedy search is cubic,
     * and a capture has a handful (a still check's whole screen is a few).
     */
    static final int MAX_JOINED = 32;

    /**
     * Joins read rectangles greedily, the pair whose joint bounding box adds the fewest unrequested
     * pixels first, while that is at most {@link #MAX_EXTRA_PIXELS}.
     *
     * @param rects disjoint rectangles to read
     * @return batches covering each rectangle once
     */
    public static List<ReadBatch> join(List<Rect> rects) {
        List<Rect> bounds = new ArrayList<>(rects);
        List<List<Rect>> parts = new ArrayList<>(rects.size());
        for (Rect r : rects) {
            List<Rect> p = new ArrayList<>(2);
            p.add(r);
            parts.add(p);
        }
        while (bounds.size() > 1 && rects.size() <= MAX_JOINED) {
            int bestI = -1;
            int bestJ = -1;
            long bestExtra = MAX_EXTRA_PIXELS + 1L;
            for (int i = 0; i < bounds.size(); i++) {
                Rect a = bounds.get(i);
                for (int j = i + 1; j < bounds.size(); j++) {
                    Rect b = bounds.get(j);
                    long extra = a.union(b).area() - a.area() - b.area();
                    if (extra < bestExtra && !overlapsOthers(bounds, i, j, a.union(b))) {
                        bestExtra = extra;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                break;
            }
            bounds.set(bestI, bounds.get(bestI).union(bounds.get(bestJ)));
            parts.get(bestI).addAll(parts.get(bestJ));
            bounds.remove(bestJ);
            parts.remove(bestJ);
        }
        List<ReadBatch> out = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size(); i++) {
            out.add(new ReadBatch(bounds.get(i), parts.get(i)));
        }
        return out;
    }

    /**
     * A joint box that reaches into a third batch would read those pixels twice and make the
     * extra-pixel count wrong; such pairs are not joined (the three may still join in another order).
     */
    private static boolean overlapsOthers(List<Rect> bounds, int i, int j, Rect u) {
        for (int k = 0; k < bounds.size(); k++) {
            if (k != i && k != j && !u.intersect(bounds.get(k)).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
