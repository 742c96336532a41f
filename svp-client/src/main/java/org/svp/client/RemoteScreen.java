package org.svp.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * What the client knows of the server's screen: a framebuffer kept by the shared renderer. Rendering
 * happens on the display channel's thread; snapshots and waits come from other threads, so every
 * access holds this object's monitor (rendering one message is short).
 */
public final class RemoteScreen {
    private final Surface surface = new Surface(0, 0);
    private final OrderRenderer renderer = new OrderRenderer(surface);
    private long lastChangeNanos = System.nanoTime();
    private boolean sized;
    private RuntimeException failure;
    private boolean closed;
    private Listener listener;

    /**
     * Told what the display channel changed, for a viewer that shows the screen. Every method is called
     * on the display channel's thread while it holds the {@link RemoteScreen}'s monitor, so a listener
     * may read pixels with {@link RemoteScreen#copyInto} and sees whole messages; it must return quickly
     * (copy the damaged pixels and hand the rest to another thread).
     */
    public interface Listener {
        /**
         * The screen has a new size (SCREEN_RESIZE); all of it is black until drawn.
         *
         * @param width columns
         * @param height rows
         */
        void resized(int width, int height);

        /**
         * Pixels changed.
         *
         * @param area the changed rect, inside the screen, not empty
         * @param receivedNanos {@link System#nanoTime()} when the display thread started on the message
         *     (before decoding), for latency measurements
         */
        void damaged(Rect area, long receivedNanos);

        /**
         * The display channel stopped; nothing more will arrive on this screen.
         *
         * @param reason for the user
         */
        void closed(String reason);
    }

    /**
     * Applies one message. Display channel thread.
     *
     * @param m a display message from the server
     * @return the area it changed
     */
    public synchronized Rect apply(DisplayMessage m) {
        long t0 = System.nanoTime();
        Rect r;
        try {
            r = renderer.apply(m);
        } catch (RuntimeException e) {
            tellDamaged(new Rect(0, 0, surface.width(), surface.height()), t0); // may be partly drawn
            throw e;
        }
        if (m instanceof ScreenResize) {
            sized = true;
            if (listener != null) {
                listener.resized(surface.width(), surface.height());
            }
        }
        tellDamaged(r, t0);
        lastChangeNanos = System.nanoTime();
        notifyAll();
        return r;
    }

    private void tellDamaged(Rect r, long t0) {
        if (listener != null && !r.isEmpty()) {
            listener.damaged(r, t0);
        }
    }

    /**
     * Sets who is told of changes (one listener; null removes it). If the screen already has a size,
     * the listener is told {@code resized} and then {@code damaged} for the whole screen at once (on the
     * caller's thread, monitor held), so nothing drawn before this call is missed; if the channel has
     * already stopped it is told {@code closed}.
     *
     * @param l the listener, or null
     */
    public synchronized void listen(Listener l) {
        listener = l;
        if (l == null) {
            return;
        }
        if (sized) {
            l.resized(surface.width(), surface.height());
            if (surface.width() > 0 && surface.height() > 0) {
                l.damaged(new Rect(0, 0, surface.width(), surface.height()), System.nanoTime());
            }
        }
        if (closed || failure != null) {
            l.closed(closeReason());
        }
    }

    /**
     * Copies a rect of the framebuffer into a caller's array (the viewer's back buffer). Parts outside
     * the screen are left untouched.
     *
     * @param area the rect, in screen coordinates
     * @param dst where to write: pixel (x, y) goes to {@code dst[y * dstStride + x]}, {@code 0x00RRGGBB}
     * @param dstStride the row length of {@code dst}
     */
    public synchronized void copyInto(Rect area, int[] dst, int dstStride) {
        int x0 = Math.max(0, area.x());
        int y0 = Math.max(0, area.y());
        int x1 = Math.min(Math.min(surface.width(), dstStride), area.right());
        int y1 = Math.min(surface.height(), area.bottom());
        int[] src = surface.pixels();
        for (int y = y0; y < y1 && x1 > x0; y++) {
            if ((long) y * dstStride + x1 > dst.length) {
                break;
            }
            System.arraycopy(src, y * surface.width() + x0, dst, y * dstStride + x0, x1 - x0);
        }
    }

    private String closeReason() {
        return failure != null ? "protocol error from the server: " + failure.getMessage()
                : "the server closed the connection";
    }

    /** @param e why the display channel stopped (a protocol error from the server) */
    public synchronized void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
            if (listener != null && !closed) {
                listener.closed(closeReason());
            }
        }
        notifyAll();
    }

    /** Marks the display channel closed. */
    public synchronized void close() {
        if (!closed && failure == null && listener != null) {
            listener.closed(closeReason());
        }
        closed = true;
        notifyAll();
    }

    /**
     * Waits until the screen has a size and has not changed for {@code still}.
     *
     * @param still how long nothing may change
     * @param timeout the longest wait
     * @throws TimeoutException if the screen never settled (message says why)
     * @throws InterruptedException if interrupted
     */
    public synchronized void awaitStill(Duration still, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failure != null) {
                throw failure;
            }
            long now = System.nanoTime();
            long quietFor = now - lastChangeNanos;
            if (sized && quietFor >= still.toNanos()) {
                return;
            }
            if (closed) {
                throw new IllegalStateException(sized ? "the server closed the display channel"
                        : "the server closed the display channel before sending a screen");
            }
            if (now >= deadline) {
                throw new TimeoutException(sized ? "the screen did not stay still for " + still.toMillis()
                        + " ms within " + timeout.toSeconds() + " s" : "no screen received within "
                        + timeout.toSeconds() + " s");
            }
            long waitNanos = Math.min(deadline - now, sized ? still.toNanos() - quietFor : deadline - now);
            wait(Math.max(1, waitNanos / 1_000_000));
        }
    }

    /** @return a copy of the framebuffer */
    public synchronized Surface snapshot() {
        return surface.copy();
    }

    /** @return bitmaps MEM_BLT asked for but the client did not have (a server bug if non-zero) */
    public synchronized int missingBitmaps() {
        return renderer.missingBitmapCount();
    }
}
