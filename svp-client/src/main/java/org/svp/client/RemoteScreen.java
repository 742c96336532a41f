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

    /**
     * Applies one message. Display channel thread.
     *
     * @param m a display message from the server
     * @return the area it changed
     */
    public synchronized Rect apply(DisplayMessage m) {
        Rect r = renderer.apply(m);
        if (m instanceof ScreenResize) {
            sized = true;
        }
        lastChangeNanos = System.nanoTime();
        notifyAll();
        return r;
    }

    /** @param e why the display channel stopped (a protocol error from the server) */
    public synchronized void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    /** Marks the display channel closed. */
    public synchronized void close() {
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
