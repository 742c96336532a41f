package org.svp.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.render.OrderRenderer;
import org.svp.render.RenderLimits;
import org.svp.render.Surface;

/**
 * What the client knows of the server's screen: a framebuffer kept by the shared renderer. Rendering
 * happens on the display channel's thread; snapshots and waits come from other threads, so every
 * access holds this object's monitor (rendering one message is short).
 */
public final class RemoteScreen {
    /**
     * How long an incompletely drawn screen must stay unchanged to count as the first picture anyway
     * (a source may leave black parts undrawn); long enough that the bands of a joining client's first
     * picture, which follow one another within milliseconds, are not mistaken for it.
     */
    public static final Duration FIRST_SCREEN_QUIET = Duration.ofSeconds(1);
    /** The same while not one pixel has been drawn since SCREEN_RESIZE (an all-black X11 screen). */
    public static final Duration NOTHING_DRAWN_QUIET = Duration.ofSeconds(5);

    private final Surface surface = new Surface(0, 0);
    /** A hostile server's sizes are bounded here: screen, bitmap cache, SAVE_SCREEN bytes. */
    private final OrderRenderer renderer = new OrderRenderer(surface, RenderLimits.CLIENT);
    private final ScreenCoverage coverage = new ScreenCoverage();
    private long lastChangeNanos = System.nanoTime();
    /** The screen cache when negotiated (entries are pixels, not positions: they survive a resize). */
    private org.svp.render.ScreenCache cache;
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
            coverage.reset(surface.width(), surface.height()); // its "damage" is the whole, black screen
            if (listener != null) {
                listener.resized(surface.width(), surface.height());
            }
        } else {
            coverage.drawn(r);
        }
        tellDamaged(r, t0);
        lastChangeNanos = System.nanoTime();
        notifyAll();
        return r;
    }

    /**
     * Starts the screen cache (docs/protocol.md "Screen cache") before DISPLAY_CACHE_INIT is sent.
     *
     * @param budget bytes it may hold
     */
    public synchronized void startCache(long budget) {
        cache = new org.svp.render.ScreenCache(budget);
    }

    /** @return the screen cache, or null when none was negotiated */
    public synchronized org.svp.render.ScreenCache cache() {
        return cache;
    }

    /**
     * Applies CACHE_SAVE (keeps a screen rect) or CACHE_DRAW (draws an entry). Display channel thread.
     *
     * @param m the message
     * @return the area drawn (empty for CACHE_SAVE)
     * @throws PeerProtocolException BAD_FIELD when no cache was negotiated, the rect is off screen or
     *     the key is not held (a server that lost track)
     */
    public synchronized Rect applyCache(org.svp.protocol.message.ExtensionMessage m) {
        int id = m.command().wireId();
        if (cache == null) {
            throw new org.svp.protocol.error.PeerProtocolException(org.svp.protocol.error.SvpStatus.BAD_FIELD, id, -1,
                    m.command() + " without a negotiated screen cache");
        }
        long t0 = System.nanoTime();
        Rect drawn;
        switch (m) {
            case org.svp.protocol.message.CacheSave s -> {
                Rect r = s.rect();
                if (r.isEmpty() || !r.equals(r.intersect(new Rect(0, 0, surface.width(), surface.height())))) {
                    throw new org.svp.protocol.error.PeerProtocolException(org.svp.protocol.error.SvpStatus.BAD_FIELD,
                            id, -1, "CACHE_SAVE rect " + r + " is not inside the screen");
                }
                cache.put(s.key(), new org.svp.render.ScreenCache.Entry(r.width(), r.height(),
                        surface.copyRegion(r.x(), r.y(), r.width(), r.height())));
                return new Rect(0, 0, 0, 0);
            }
            case org.svp.protocol.message.CacheDraw d -> {
                org.svp.render.ScreenCache.Entry e = cache.touch(d.key());
                if (e == null) {
                    throw new org.svp.protocol.error.PeerProtocolException(org.svp.protocol.error.SvpStatus.BAD_FIELD,
                            id, -1, "CACHE_DRAW of a key not held: " + Long.toHexString(d.key()));
                }
                drawn = renderer.drawPixels(e.pixels(), e.width(), e.height(), d.x(), d.y());
            }
            default -> throw new org.svp.protocol.error.PeerProtocolException(
                    org.svp.protocol.error.SvpStatus.UNEXPECTED_MESSAGE, id, -1, m.command() + " on the display channel");
        }
        coverage.drawn(drawn);
        tellDamaged(drawn, t0);
        lastChangeNanos = System.nanoTime();
        notifyAll();
        return drawn;
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
        if (failure instanceof org.svp.render.ScreenTooLargeException) {
            return failure.getMessage(); // already says what the server did
        }
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
     * Waits until the screen has a size and has not changed for {@code still}, after its first full
     * picture ({@link #awaitFirstScreen}). Any thread.
     *
     * @param still how long nothing may change
     * @param timeout the longest wait, for both
     * @throws TimeoutException if the screen never settled (message says why)
     * @throws InterruptedException if interrupted
     */
    public synchronized void awaitStill(Duration still, Duration timeout) throws TimeoutException, InterruptedException {
        long t0 = System.nanoTime();
        awaitFirstScreen(timeout);
        Duration left = timeout.minusNanos(System.nanoTime() - t0);
        if (!settle(still, left.isNegative() ? Duration.ZERO : left)) {
            throw new TimeoutException("the screen did not stay still for " + still.toMillis() + " ms within "
                    + timeout.toSeconds() + " s");
        }
    }

    /**
     * Waits for the first full picture: the screen has a size and every pixel has been drawn since
     * the SCREEN_RESIZE (a joining client gets the whole screen after it), or, for a source that never
     * draws parts that are black (the X11 source only sends what differs from black), nothing has
     * changed for {@link #FIRST_SCREEN_QUIET}. Any thread.
     *
     * @param timeout the longest wait
     * @throws TimeoutException if no full picture arrived in time
     * @throws IllegalStateException if the display channel closed first
     * @throws InterruptedException if interrupted
     */
    public synchronized void awaitFirstScreen(Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (failure != null) {
                throw failure;
            }
            long now = System.nanoTime();
            long quietFor = now - lastChangeNanos;
            // with nothing drawn yet the quiet time is longer: a TLS stream from a cold server (JSSE not
            // yet compiled) can take seconds to deliver its first band, and a black snapshot helps no one
            long quiet = coverage.any() ? FIRST_SCREEN_QUIET.toNanos() : NOTHING_DRAWN_QUIET.toNanos();
            if (sized && (coverage.full() || quietFor >= quiet)) {
                return;
            }
            checkOpen();
            if (now >= deadline) {
                throw new TimeoutException(sized ? "the screen was not drawn completely within "
                        + timeout.toSeconds() + " s" : "no screen received within " + timeout.toSeconds() + " s");
            }
            long waitNanos = deadline - now;
            if (sized) {
                waitNanos = Math.min(waitNanos, quiet - quietFor);
            }
            wait(Math.max(1, waitNanos / 1_000_000));
        }
    }

    /**
     * Waits until nothing has changed for {@code still}, at most {@code bound}. Call after
     * {@link #awaitFirstScreen}. Any thread.
     *
     * @param still how long nothing may change
     * @param bound the longest wait
     * @return true if the screen was still, false if it kept changing until the bound
     * @throws IllegalStateException if the display channel closed or failed meanwhile
     * @throws InterruptedException if interrupted
     */
    public synchronized boolean settle(Duration still, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (failure != null) {
                throw failure;
            }
            long now = System.nanoTime();
            long quietFor = now - lastChangeNanos;
            if (quietFor >= still.toNanos()) {
                return true;
            }
            checkOpen();
            if (now >= deadline) {
                return false;
            }
            long waitNanos = Math.min(deadline - now, still.toNanos() - quietFor);
            wait(Math.max(1, waitNanos / 1_000_000));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(sized ? "the server closed the display channel"
                    : "the server closed the display channel before sending a screen");
        }
    }

    /** @return true while the display channel is up and nothing it sent failed ({@code svp bench load}) */
    public synchronized boolean isOpen() {
        return !closed && failure == null;
    }

    /** @return a copy of the framebuffer */
    public synchronized Surface snapshot() {
        return surface.copy();
    }

    /** @return decoded bytes in the bitmap cache (bounded by {@link RenderLimits#CLIENT}) */
    public synchronized long cachedBitmapBytes() {
        return renderer.cache().bytes();
    }

    /** @return bitmaps in the cache */
    public synchronized int cachedBitmaps() {
        return renderer.cache().size();
    }

    /** @return bitmaps evicted from the cache to stay within its bounds */
    public synchronized long cacheEvictions() {
        return renderer.cache().evictions();
    }

    /** @return bytes held by SAVE_SCREEN slots (bounded by {@link RenderLimits#CLIENT}) */
    public synchronized long savedBytes() {
        return renderer.savedBytes();
    }

    /** @return bitmaps MEM_BLT asked for but the client did not have (a server bug if non-zero) */
    public synchronized int missingBitmaps() {
        return renderer.missingBitmapCount();
    }
}
