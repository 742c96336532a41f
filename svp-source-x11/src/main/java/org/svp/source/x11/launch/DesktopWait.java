package org.svp.source.x11.launch;

import java.time.Duration;
import java.util.function.Predicate;
import org.svp.source.x11.xlib.XConnection;
import org.svp.source.x11.xlib.Xlib;

/**
 * Bounded waits for the {@code x11:new} desktop to come up, each on its own short-lived connection.
 * First the window manager: an xterm started together with openbox could map its window while openbox
 * was still starting and stay unmapped (a black screen until the first click), so clients start only
 * once some client selected {@code SubstructureRedirectMask} on the root window, which only one
 * client, the window manager, can do (unlike {@code _NET_SUPPORTING_WM_CHECK} or the {@code WM_S0}
 * selection this works for twm too). Then the xterm: a mapped window of at least
 * {@link #MIN_WINDOW}² among the root's children (the window manager's frame, or the xterm itself
 * without one; openbox's own windows are 1×1). Called by {@link NewDesktop} on the CLI's thread.
 */
final class DesktopWait {
    /** How often the X server is asked. */
    private static final long POLL_MILLIS = 20;
    /** Smallest width and height that counts as a client's window. */
    static final int MIN_WINDOW = 64;

    private DesktopWait() {
    }

    /**
     * @param display the display, e.g. ":3"
     * @param wm the window manager's process (the wait ends early if it exits)
     * @param timeout the longest wait
     * @return whether the window manager owns the screen
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean windowManager(String display, Process wm, Duration timeout) throws InterruptedException {
        return until(display, wm, timeout, x -> {
            Xlib.WindowAttributes root = x.xlib().windowAttributes(x.display(), x.root());
            return root != null && (root.allEventMasks() & Xlib.SUBSTRUCTURE_REDIRECT_MASK) != 0;
        });
    }

    /**
     * @param display the display, e.g. ":3"
     * @param client the program whose window is awaited (the wait ends early if it exits)
     * @param timeout the longest wait
     * @return whether a window of at least {@link #MIN_WINDOW}² is mapped on the root
     * @throws InterruptedException if interrupted while waiting
     */
    static boolean window(String display, Process client, Duration timeout) throws InterruptedException {
        return until(display, client, timeout, x -> {
            for (long w : x.xlib().children(x.display(), x.root())) {
                Xlib.WindowAttributes a = x.xlib().windowAttributes(x.display(), w);
                if (a != null && a.viewable() && a.inputOutput() && a.width() >= MIN_WINDOW
                        && a.height() >= MIN_WINDOW) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean until(String display, Process p, Duration timeout, Predicate<XConnection> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (XConnection x = XConnection.open(display)) {
            while (true) {
                if (done.test(x)) {
                    return true;
                }
                if (x.lost() || !p.isAlive() || System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
    }
}
