package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

/**
 * A top-level window (or window-manager frame) that kept its size and changed position, as a
 * ConfigureNotify on the root window's substructure reported it.
 *
 * @param from where the window was (outer rectangle, border included; may reach off screen)
 * @param toX its new left column
 * @param toY its new top row
 * @param coverFrom the mapped windows above it before the move (they hid parts of its old place)
 * @param coverTo the mapped windows above it after the move (they hide parts of its new place)
 */
public record WindowMove(Rect from, int toX, int toY, List<Rect> coverFrom, List<Rect> coverTo) {
    /** A copy of a window that is covered here and there is this big at least, or none is sent. */
    static final int MIN_BLIT_PIXELS = 1024;

    public WindowMove {
        coverFrom = List.copyOf(coverFrom);
        coverTo = List.copyOf(coverTo);
    }

    /** A move with nothing above the window. */
    public WindowMove(Rect from, int toX, int toY) {
        this(from, toX, toY, List.of(), List.of());
    }

    /**
     * The copy that moves the window's pixels on a {@code width × height} screen, when nothing covers
     * it, or the largest of {@link #blits}.
     *
     * @param width screen width
     * @param height screen height
     * @return a SCREEN_BLT (SRCCOPY), or null if nothing of the window stays on screen, it did not
     *     move, or too little of it is visible at both ends
     */
    public ScreenBlt blit(int width, int height) {
        ScreenBlt best = null;
        for (ScreenBlt b : blits(width, height)) {
            if (best == null || b.rect().area() > best.rect().area()) {
                best = b;
            }
        }
        return best;
    }

    /**
     * The copies that move the window's pixels on a {@code width × height} screen: the part of the old
     * rectangle on screen whose destination is on screen too (source and destination clipped
     * consistently, so both lie inside the screen), and of that only pixels of the window itself at
     * both ends. A window partly under another one (a terminal over the window being dragged) shows
     * the other window's pixels there, before and after: copying those along would overwrite the
     * other window, and the whole of it would then go again as pixels. What is visible at both ends
     * is cut into rectangles (a window covered at a corner leaves an L: two), each of at least
     * {@link #MIN_BLIT_PIXELS}, in an order in which no copy reads pixels an earlier one wrote (all
     * move by the same offset, so together they are the one move).
     *
     * @param width screen width
     * @param height screen height
     * @return SCREEN_BLTs (SRCCOPY) to apply in order; empty if nothing of the window stays on screen,
     *     it did not move, or too little of it is visible at both ends
     */
    public List<ScreenBlt> blits(int width, int height) {
        int dx = toX - from.x();
        int dy = toY - from.y();
        if (dx == 0 && dy == 0) {
            return List.of();
        }
        Rect screen = new Rect(0, 0, width, height);
        Rect src = from.intersect(screen);
        if (src.isEmpty()) {
            return List.of();
        }
        Rect dst = src.translate(dx, dy).intersect(screen);
        if (dst.isEmpty()) {
            return List.of();
        }
        if (coverFrom.isEmpty() && coverTo.isEmpty()) {
            return List.of(new ScreenBlt(dst, dst.x() - dx, dst.y() - dy, ScrollDetector.ROP_SRCCOPY));
        }
        // in destination coordinates: where the window is visible now, and was visible before
        List<Rect> pieces = new ArrayList<>();
        for (Rect r : minus(minus(List.of(dst), coverTo, 0, 0), coverFrom, dx, dy)) {
            if (r.area() >= MIN_BLIT_PIXELS || r.equals(dst)) {
                pieces.add(r);
            }
        }
        List<ScreenBlt> out = new ArrayList<>(pieces.size());
        while (!pieces.isEmpty()) {
            Rect next = null;
            for (Rect p : pieces) { // one whose destination no remaining piece reads from
                boolean free = true;
                for (Rect q : pieces) {
                    if (q != p && !p.intersect(q.translate(-dx, -dy)).isEmpty()) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    next = p;
                    break;
                }
            }
            if (next == null) {
                break; // a cycle: the rest go as pixels
            }
            pieces.remove(next);
            out.add(new ScreenBlt(next, next.x() - dx, next.y() - dy, ScrollDetector.ROP_SRCCOPY));
        }
        return out;
    }

    /** @return {@code region} (disjoint rectangles) less each of {@code cuts} moved by (dx, dy) */
    private static List<Rect> minus(List<Rect> region, List<Rect> cuts, int dx, int dy) {
        List<Rect> out = region;
        for (Rect c : cuts) {
            Rect cut = c.translate(dx, dy);
            List<Rect> next = new ArrayList<>(out.size() + 4);
            for (Rect r : out) {
                next.addAll(r.minus(cut));
            }
            out = next;
        }
        return out;
    }
}
