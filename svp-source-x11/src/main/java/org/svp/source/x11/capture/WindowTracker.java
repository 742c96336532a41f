package org.svp.source.x11.capture;

import java.util.HashMap;
import java.util.Map;
import org.svp.protocol.Rect;

/**
 * The outer rectangles of the root window's mapped InputOutput children (top-level windows, or the
 * window manager's frames), kept up to date from MapNotify, UnmapNotify, DestroyNotify,
 * ReparentNotify and ConfigureNotify. A ConfigureNotify that keeps a tracked window's size but changes
 * its position is a {@link WindowMove}. Unmapped windows are not tracked (their moves draw nothing).
 * Thread: "svp-x11".
 */
public final class WindowTracker {
    private final Map<Long, Rect> windows = new HashMap<>();

    /**
     * A window is (now) mapped, or reparented to the root while mapped.
     *
     * @param window the window id
     * @param outer its rectangle including the border
     */
    public void mapped(long window, Rect outer) {
        windows.put(window, outer);
    }

    /**
     * A window was unmapped, destroyed or reparented away from the root.
     *
     * @param window the window id
     */
    public void gone(long window) {
        windows.remove(window);
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

    /** @return how many windows are tracked */
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
