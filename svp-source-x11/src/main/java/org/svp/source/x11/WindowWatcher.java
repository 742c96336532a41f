package org.svp.source.x11;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.Rect;
import org.svp.source.x11.capture.WindowMove;
import org.svp.source.x11.capture.WindowTracker;
import org.svp.source.x11.xlib.XConnection;
import org.svp.source.x11.xlib.Xlib;

/**
 * Follows the root window's children (SubstructureNotifyMask on the root) and turns a ConfigureNotify
 * that moves a mapped window without resizing it into a {@link WindowMove}. Decodes the XEvent structs
 * (LP64 offsets: {@code window} at 40; ConfigureNotify x, y, width, height, border_width at 48..64,
 * above at 72; ReparentNotify parent at 48; CirculateNotify place at 48). Thread: "svp-x11".
 */
final class WindowWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WindowWatcher.class);

    private final XConnection x;
    private final WindowTracker tracker = new WindowTracker();

    /** Selects the events (with StructureNotify for root size changes) and reads the current windows. */
    WindowWatcher(XConnection x) {
        this.x = x;
        x.xlib().selectInput(x.display(), x.root(), Xlib.STRUCTURE_NOTIFY_MASK | Xlib.SUBSTRUCTURE_NOTIFY_MASK);
        for (long w : x.xlib().children(x.display(), x.root())) { // bottom-most first
            tracker.created(w);
            track(w);
        }
        LOG.debug("tracking {} mapped top-level windows on {}", tracker.size(), x.name());
    }

    private void track(long window) {
        Xlib.WindowAttributes a = x.xlib().windowAttributes(x.display(), window);
        if (a != null && a.inputOutput() && a.viewable()) {
            tracker.mapped(window, new Rect(a.x(), a.y(), a.width() + 2 * a.border(), a.height() + 2 * a.border()));
        } else {
            tracker.gone(window);
        }
    }

    /**
     * @param type the event's type (send_event bit cleared)
     * @param event an XEvent of a substructure type
     * @return the move it reports, or null
     */
    WindowMove onEvent(int type, MemorySegment event) {
        if (event.get(ValueLayout.JAVA_INT, 16) != 0) {
            return null; // synthetic (XSendEvent): says nothing about the screen
        }
        long window = event.get(ValueLayout.JAVA_LONG, 40);
        switch (type) {
            case Xlib.CREATE_NOTIFY -> tracker.created(window);
            case Xlib.MAP_NOTIFY -> track(window);
            case Xlib.UNMAP_NOTIFY -> tracker.gone(window);
            case Xlib.DESTROY_NOTIFY -> tracker.left(window);
            case Xlib.REPARENT_NOTIFY -> {
                if (event.get(ValueLayout.JAVA_LONG, 48) == x.root()) {
                    tracker.left(window);
                    tracker.created(window); // a new child: on top
                    track(window);
                } else {
                    tracker.left(window);
                }
            }
            case Xlib.CIRCULATE_NOTIFY -> tracker.circulated(window, event.get(ValueLayout.JAVA_INT, 48) == 0);
            case Xlib.CONFIGURE_NOTIFY -> {
                int border = event.get(ValueLayout.JAVA_INT, 64);
                Rect outer = new Rect(event.get(ValueLayout.JAVA_INT, 48), event.get(ValueLayout.JAVA_INT, 52),
                        event.get(ValueLayout.JAVA_INT, 56) + 2 * border, event.get(ValueLayout.JAVA_INT, 60) + 2 * border);
                return tracker.configured(window, outer, event.get(ValueLayout.JAVA_LONG, 72));
            }
            default -> { }
        }
        return null;
    }
}
