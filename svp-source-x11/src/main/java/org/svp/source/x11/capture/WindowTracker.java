package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * The root window's children in stacking order, and the outer rectangles of the mapped InputOutput
 * ones (top-level windows, or the window manager's frames), kept up to date from CreateNotify,
 * MapNotify, UnmapNotify, DestroyNotify, ReparentNotify, ConfigureNotify and CirculateNotify. A
 * ConfigureNotify that keeps a tracked window's size but changes its position is a {@link WindowMove},
 * with the rectangles of the mapped windows above it: what covers it is not part of its pixels, and
 * the move's copy leaves it out. Unmapped windows are not tracked (their moves draw nothing) but keep
 * their place in the stack, as X keeps it. Thread: "svp-x11".
 */
public final class WindowTracker {
    private final Map<Long, Rect> windows = new HashMap<>();
    /** Every child we know of, the bottom-most first (what XQueryTree gives, then the events). */
    private final List<Long> stack = new ArrayList<>();

    /**
     * A child exists: on top of the stack when it is new (CreateNotify, or the initial XQueryTree
     * order, bottom-most first); a window already known keeps its place.
     *
     * @param window the window id
     */
    public void created(long window) {
        if (!stack.contains(window)) {
            stack.add(window);
        }
    }

    /**
     * A window is (now) mapped, or reparented to the root while mapped.
     *
     * @param window the window id
     * @param outer its rectangle including the border
     */
    public void mapped(long window, Rect outer) {
        created(window);
        windows.put(window, outer);
    }

    /**
     * A window was unmapped (it keeps its place in the stack).
     *
     * @param window the window id
     */
    public void gone(long window) {
        windows.remove(window);
    }

    /**
     * A window was destroyed or reparented away from the root: no longer a child.
     *
     * @param window the window id
     */
    public void left(long window) {
        windows.remove(window);
        stack.remove(window);
    }

    /**
     * A window's geometry changed.
     *
     * @param window the window id
     * @param outer its new rectangle including the border
     * @return the move if a tracked window kept its size and changed position, else null
     */
    public WindowMove configured(long window, Rect outer) {
        Rect old = windows.get(window);
        if (old == null) {
            return null;
        }
        windows.put(window, outer);
        boolean sameSize = old.width() == outer.width() && old.height() == outer.height();
        boolean moved = old.x() != outer.x() || old.y() != outer.y();
        return sameSize && moved && !old.isEmpty() ? new WindowMove(old, outer.x(), outer.y()) : null;
    }

    /**
     * A window's geometry or stacking changed (ConfigureNotify).
     *
     * @param window the window id
     * @param outer its new rectangle including the border
     * @param above the sibling it is now just above, 0 if it is at the bottom
     * @return the move if a tracked window kept its size and changed position, with what covers it
     *     before (its old place) and after (its new place), else null
     */
    public WindowMove configured(long window, Rect outer, long above) {
        List<Rect> coverFrom = cover(window);
        restack(window, above);
        WindowMove m = configured(window, outer);
        return m == null ? null : new WindowMove(m.from(), m.toX(), m.toY(), coverFrom, cover(window));
    }

    /**
     * A window went to the top or the bottom of the stack (CirculateNotify).
     *
     * @param window the window id
     * @param top true for PlaceOnTop
     */
    public void circulated(long window, boolean top) {
        if (stack.remove(window)) {
            stack.add(top ? stack.size() : 0, window);
        }
    }

    private void restack(long window, long above) {
        if (!stack.remove(window)) {
            return;
        }
        int at = above == 0 ? 0 : stack.indexOf(above) + 1;
        stack.add(at == 0 && above != 0 ? stack.size() : at, window); // an unknown sibling: on top
    }

    /** @return the rectangles of the mapped windows above {@code window} */
    private List<Rect> cover(long window) {
        int i = stack.indexOf(window);
        if (i < 0) {
            return List.of();
        }
        List<Rect> out = new ArrayList<>();
        for (int k = i + 1; k < stack.size(); k++) {
            Rect r = windows.get(stack.get(k));
            if (r != null && !r.isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    /** @return how many windows are tracked (mapped) */
    public int size() {
        return windows.size();
    }

    /**
     * @param window a window id
     * @return its tracked rectangle, or null
     */
    public Rect get(long window) {
        return windows.get(window);
    }
}
