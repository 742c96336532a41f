package org.svp.source.x11;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.Rect;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;
import org.svp.source.x11.capture.ReadBatch;
import org.svp.source.x11.capture.ScreenDiffer;
import org.svp.source.x11.capture.TileGrid;
import org.svp.source.x11.capture.WindowMove;
import org.svp.source.x11.xlib.ShmImage;
import org.svp.source.x11.xlib.Wakeup;
import org.svp.source.x11.xlib.XConnection;
import org.svp.source.x11.xlib.XDamage;
import org.svp.source.x11.xlib.Xlib;

/**
 * The body of the "svp-x11" thread: waits in {@code poll} on the X connection and the wake-up fd,
 * turns X events into captures, cursor shapes and resizes, replays client input with XTest, and
 * paces captures to at most one per {@link X11Options#frameMillis()}, or per three times what the
 * last capture took when that is longer ({@link #pace}) (damage arriving faster stays
 * in the X server's damage object and is taken whole by the next capture: never dropped). Submitting
 * blocks while the server is busy; damage meanwhile accumulates the same way. Once the screen has been
 * still for {@link #STILL_CHECK_NANOS} after a capture, the whole screen is read and compared once
 * (the still check): whatever the damage-driven captures missed — a drawing that raced the damage
 * subtract, a scroll guess that left a stale row — reaches clients then, so a still screen is exact.
 * The constructor runs on the starting thread (so set-up errors reach {@code start}); everything else
 * on "svp-x11".
 */
final class CaptureLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureLoop.class);
    /** Raw bitmap bytes per Draw update: splits a full screen so encoder workers share it. */
    private static final int BATCH_BYTES = 256 * 1024;
    /**
     * A screen still this long after a capture gets one whole-screen read. Short enough that a viewer
     * sees a still screen exact well within a second; long enough that a screen changing every frame
     * (the still check finds nothing there to fix) never pays for it. One read is 4 MB at 1280×800.
     */
    private static final long STILL_CHECK_NANOS = 300_000_000L;
    /** See {@link #pace}; system property {@code svp.x11.paceFactor} (0 = pace by the frame interval only). */
    static final long PACE_FACTOR = Long.getLong("svp.x11.paceFactor", 3);
    /** The longest wait {@link #pace} sets: 20 captures a second stay possible whatever a capture costs. */
    static final long MAX_PACE_NANOS = 50_000_000L;
    /** {@code POLLIN}. */
    private static final short POLLIN = 1;

    private final XConnection x;
    private final Xlib xlib;
    private final MemorySegment dpy;
    private final X11Options options;
    private final X11Stats stats;
    private final InputReplay input;
    private final CursorWatcher cursor;
    /** Null when move detection is off. */
    private final WindowWatcher windows;
    private final Wakeup wakeup;
    private final long damage;
    private final long region;
    private ShmImage shm;
    private ScreenDiffer differ;
    private boolean damaged;
    private boolean resized;
    private boolean cursorChanged = true;
    private long lastCapture;
    /** The wait after the last capture before the next ({@link #pace}); "svp-x11" only. */
    private long paceNanos;
    /** One X event, read into by {@link #drainQueued}; allocated in {@link #run}'s arena. */
    private MemorySegment event;
    /** False after a capture that changed something, until the still check has run. */
    private boolean stillChecked = true;

    CaptureLoop(XConnection x, X11Options options, X11Stats stats, Supplier<Message> inputQueue, Wakeup wakeup) {
        this.x = x;
        this.xlib = x.xlib();
        this.dpy = x.display();
        this.options = options;
        this.stats = stats;
        this.wakeup = wakeup;
        this.input = new InputReplay(x, inputQueue);
        this.cursor = new CursorWatcher(x, stats);
        long root = x.root();
        damage = x.damage().create(dpy, root, XDamage.REPORT_NON_EMPTY);
        region = x.fixes().createRegion(dpy);
        x.fixes().selectCursorInput(dpy, root);
        if (options.detectMoves()) {
            windows = new WindowWatcher(x);
        } else {
            windows = null;
            xlib.selectInput(dpy, root, Xlib.STRUCTURE_NOTIFY_MASK);
        }
        if (x.randr() != null) {
            x.randr().selectScreenChange(dpy, root);
        }
        int[] size = x.rootSize();
        shm = new ShmImage(x.shm(), xlib, dpy, x.screen(), size[0], size[1]);
        differ = new ScreenDiffer(size[0], size[1], options.detectScroll());
    }

    /**
     * Runs until {@code closed} says stop or the thread is interrupted, then releases the X resources
     * and closes the connection.
     *
     * @throws UpstreamException if the connection to the X server broke ("lost the X display …")
     */
    void run(DisplaySink sink, java.util.function.BooleanSupplier closed) throws InterruptedException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(16);
            fds.set(ValueLayout.JAVA_INT, 0, wakeup.fd());
            fds.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            fds.set(ValueLayout.JAVA_INT, 8, xlib.connectionNumber(dpy));
            fds.set(ValueLayout.JAVA_SHORT, 12, POLLIN);
            event = arena.allocate(Xlib.EVENT_BYTES);
            sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(differ.width(), differ.height()))));
            differ.tiles().markAll();
            damaged = true;
            lastCapture = System.nanoTime() - options.frameMillis() * 1_000_000L;
            paceNanos = options.frameMillis() * 1_000_000L;
            while (!closed.getAsBoolean()) {
                step(sink, fds, event);
            }
        } catch (RuntimeException e) {
            if (x.lost() && !(e instanceof UpstreamException)) {
                throw x.lostError(e);
            }
            throw e;
        } finally {
            release();
        }
    }

    /**
     * One wake-up: replays input, reads every queued X event, captures if damage is waiting and the
     * frame interval has passed (or runs the still check), then waits. A method of its own because
     * {@link #run} is entered once: its loop body would stay in the interpreter (FFM accessors there
     * cost microseconds each), while this one is compiled after a few hundred calls.
     *
     * <p>For {@link X11Options#frameMillis()} after a capture the thread waits on the wake-up fd only
     * (input), not on the X socket: what X sends meanwhile (DamageNotify, a window's ConfigureNotify, a
     * cursor change) is read when the interval ends, just before the next capture, so a screen that
     * changes all the time costs one poll wake-up per capture instead of one per X event plus one
     * for the timer. Only after the interval, with nothing to capture, does it wait on the X socket.
     */
    private void step(DisplaySink sink, MemorySegment fds, MemorySegment event) throws InterruptedException {
        if (x.lost()) {
            throw x.lostError(null);
        }
        // after drainEvents, any request may have read X events into libxcb's queue, out of the
        // socket's sight (libxcb reads what is there before it writes): then poll would miss them
        boolean requests = input.replay();
        requests |= drainEvents(event);
        if (resized) {
            resize(sink);
            requests = true;
        }
        if (cursorChanged) {
            cursorChanged = false;
            cursor.check(sink);
            requests = true;
        }
        long frameNanos = paceNanos;
        long now = System.nanoTime();
        if (now - lastCapture >= frameNanos) {
            if (damaged) {
                capture(sink);
                paceNanos = pace(options.frameMillis() * 1_000_000L, System.nanoTime() - lastCapture);
                requests = true;
            } else if (!stillChecked && now - lastCapture >= STILL_CHECK_NANOS) {
                checkStill(sink);
                requests = true;
            }
            now = System.nanoTime();
        }
        int timeout;
        int count;
        if (now - lastCapture < frameNanos) {
            timeout = ceilMillis(lastCapture + frameNanos - now);
            count = 1; // the wake-up fd only; X events are read when the interval ends
        } else {
            if (requests && xlib.pending(dpy) > 0) {
                return; // events came in with a reply or a flush: the socket may say nothing more
            }
            timeout = stillChecked ? -1 : ceilMillis(lastCapture + STILL_CHECK_NANOS - now);
            count = 2;
        }
        org.svp.source.x11.xlib.LibC.poll(fds, count, timeout);
        if (fds.get(ValueLayout.JAVA_SHORT, 6) != 0) {
            wakeup.drain();
        }
    }

    /**
     * The wait before the next capture: the frame interval, or {@link #PACE_FACTOR} times what the
     * last capture took (its X round trips included) when that is longer, at most {@link #MAX_PACE_NANOS}.
     * A capture that keeps the X server and this thread busy for long (a terminal flooded with output,
     * redrawn whole every frame) is then taken less often, so capturing costs at most about a
     * 1/(1 + factor) share of a core and of the X server; a short one (a video region, a scroll) keeps
     * the full frame rate.
     */
    static long pace(long frameNanos, long captureNanos) {
        if (PACE_FACTOR <= 0) {
            return frameNanos;
        }
        return Math.max(frameNanos, Math.min(MAX_PACE_NANOS, PACE_FACTOR * captureNanos));
    }

    /** @return {@code nanos} in whole milliseconds, rounded up (so one poll covers the wait), at least 1 */
    private static int ceilMillis(long nanos) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (nanos + 999_999L) / 1_000_000L));
    }

    /**
     * Handles every event queued: what one {@code XPending} read from the socket, then whatever
     * handling them queued (a window watcher's round trip may bring more), without asking the socket
     * again; what arrived meanwhile waits there for the next wake-up.
     *
     * @return whether any event was handled
     */
    private boolean drainEvents(MemorySegment event) {
        if (xlib.pending(dpy) == 0) {
            return false;
        }
        drainQueued(event);
        return true;
    }

    /** Handles the events already in Xlib's queue, without reading the socket. */
    private void drainQueued(MemorySegment event) {
        while (xlib.queued(dpy) > 0) {
            xlib.nextEvent(dpy, event);
            handle(event);
        }
    }

    private void handle(MemorySegment event) {
        int type = event.get(ValueLayout.JAVA_INT, 0) & 0x7F;
        if (type == x.damage().notifyEvent()) {
            damaged = true;
            stats.damageEvents.increment();
        } else if (type == x.fixes().cursorNotifyEvent()) {
            cursorChanged = true;
        } else if (type == Xlib.CONFIGURE_NOTIFY && event.get(ValueLayout.JAVA_LONG, 40) != x.root()
                || type >= Xlib.CREATE_NOTIFY && type <= Xlib.REPARENT_NOTIFY || type == Xlib.CIRCULATE_NOTIFY) {
            if (windows != null) {
                WindowMove move = windows.onEvent(type, event);
                if (move != null && !differ.queueMove(move).isEmpty()) {
                    stats.windowMoves.increment();
                    damaged = true;
                }
            }
        } else if (type == Xlib.CONFIGURE_NOTIFY || x.randr() != null && type == x.randr().screenChangeEvent()) {
            if (x.randr() != null) {
                x.randr().updateConfiguration(event);
            }
            resized = true;
        }
    }

    private void resize(DisplaySink sink) throws InterruptedException {
        resized = false;
        int[] size = x.rootSize();
        if (size[0] == differ.width() && size[1] == differ.height()) {
            return;
        }
        LOG.info("X display {} is now {}x{}", x.name(), size[0], size[1]);
        shm.close();
        shm = new ShmImage(x.shm(), xlib, dpy, x.screen(), size[0], size[1]);
        differ = new ScreenDiffer(size[0], size[1], options.detectScroll());
        stats.resizes.increment();
        sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(size[0], size[1]))));
        differ.tiles().markAll();
        damaged = true;
    }

    /** The still check: reads and compares the whole screen once; see the class comment. */
    private void checkStill(DisplaySink sink) throws InterruptedException {
        stillChecked = true;
        stats.stillChecks.increment();
        differ.tiles().markAll();
        int corrections = capture(sink);
        if (corrections > 0) {
            stats.stillCorrections.add(corrections);
            LOG.debug("still check: {} orders for pixels the captures had missed", corrections);
        }
    }

    /** @return the number of orders submitted (0 when nothing had changed) */
    private int capture(DisplaySink sink) throws InterruptedException {
        long t0 = System.nanoTime();
        lastCapture = t0;
        damaged = false;
        x.damage().subtract(dpy, damage, region);
        Rect screen = new Rect(0, 0, differ.width(), differ.height());
        List<Rect> rects = new ArrayList<>();
        Rect[] fetched = x.fixes().fetchRegion(dpy, region, xlib);
        // what X sent before that reply is in Xlib's queue now: a window that moved before the
        // damage was taken has its ConfigureNotify there, and its move must go with this damage. Left
        // for the next capture, this capture sent the moved window's pixels wherever the damage had
        // them (a terminal under it), and the next one's SCREEN_BLT copied from a shown frame that no
        // longer held the window: the whole window went again as pixels (a fifth of the moves of
        // the shared workload's dragged window)
        drainQueued(event);
        for (Rect r : fetched) {
            Rect c = r.intersect(screen);
            if (!c.isEmpty()) {
                rects.add(c);
                differ.tiles().mark(c);
            }
        }
        TileGrid tiles = differ.tiles();
        if (tiles.isEmpty()) {
            return 0;
        }
        try {
            for (ReadBatch b : ReadBatch.join(tiles.readRects())) {
                read(b);
            }
            // a window that moved while the damage was fetched and read: its move goes now too, and
            // its destination (marked, not read yet) is read before the diff compares it
            int moves = differ.queuedMoves();
            drainQueued(event);
            for (Rect r : differ.queuedMoveTargets(moves)) {
                read(new ReadBatch(r, List.of(r)));
            }
        } catch (IllegalStateException e) {
            LOG.debug("capture failed ({}); checking the screen size and retrying", e.getMessage());
            resized = true;
            damaged = true;
            return 0; // the tiles stay marked for the retry
        }
        stats.captures.increment();
        long read = System.nanoTime();
        List<DisplayMessage> orders = differ.diff(rects);
        if (LOG.isTraceEnabled()) {
            LOG.trace("capture: {} µs (reads {} µs), damage {} -> {} orders", (System.nanoTime() - t0) / 1000,
                    (read - t0) / 1000, rects,
                    orders.stream().map(CaptureLoop::describe).toList());
        }
        submit(sink, orders, t0);
        if (!orders.isEmpty()) {
            stillChecked = false;
        }
        return orders.size();
    }

    /**
     * Reads {@code b.bounds()} with one XShmGetImage and copies each of its parts into the differ's
     * latest frame as X gave them (top byte unmasked); the rest of the bounds is not copied.
     */
    private void read(ReadBatch b) {
        Rect m = b.bounds();
        stats.reads.increment();
        stats.readPixels.add((long) m.width() * m.height());
        MemorySegment px = shm.read(x.root(), m.x(), m.y(), m.width(), m.height());
        int[] latest = differ.latest();
        int stride = differ.width();
        for (Rect r : b.parts()) {
            long from = ((long) (r.y() - m.y()) * m.width() + (r.x() - m.x())) * 4;
            for (int row = 0; row < r.height(); row++) {
                int o = (r.y() + row) * stride + r.x();
                MemorySegment.copy(px, ValueLayout.JAVA_INT_UNALIGNED, from + (long) row * m.width() * 4, latest, o,
                        r.width());
            }
        }
    }

    /**
     * Hands the orders to the server in batches of about {@link #BATCH_BYTES} of bitmap data, each
     * DIRTY_RECT with its pixels as ints (the encoders take those instead of decoding its bitmap).
     */
    private void submit(DisplaySink sink, List<DisplayMessage> orders, long captureNanos) throws InterruptedException {
        List<DisplayMessage> batch = new ArrayList<>();
        List<int[]> pixels = new ArrayList<>();
        long bytes = 0;
        for (DisplayMessage m : orders) {
            switch (m) {
                case ScreenBlt b -> stats.screenBlts.increment();
                case SolidRect s -> stats.solidRects.increment();
                case DirtyRect d -> {
                    stats.dirtyRects.increment();
                    stats.dirtyPixels.add((long) d.bitmap().width() * d.bitmap().height());
                    bytes += d.bitmap().data().length;
                }
                default -> { }
            }
            batch.add(m);
            pixels.add(differ.pixelsOf(m));
            if (bytes >= BATCH_BYTES) {
                sink.submit(new SourceUpdate.Draw(batch, captureNanos, pixels.toArray(new int[0][])));
                batch = new ArrayList<>();
                pixels = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            sink.submit(new SourceUpdate.Draw(batch, captureNanos, pixels.toArray(new int[0][])));
        }
    }

    private void release() {
        if (x.lost()) { // nothing to tell a server that is gone; free our side only
            shm.closeLocally();
            x.close();
            wakeup.close();
            return;
        }
        try {
            shm.close();
            x.damage().destroy(dpy, damage);
            x.fixes().destroyRegion(dpy, region);
            xlib.sync(dpy);
        } catch (RuntimeException e) {
            LOG.debug("releasing X resources failed", e);
        } finally {
            x.close();
            wakeup.close();
        }
    }

    /**
     * An order for the trace log with its geometry: what a capture sent, to see where pixels go
     * (docs/x11-source.md, "Tracing the captures").
     */
    private static String describe(DisplayMessage m) {
        return switch (m) {
            case DirtyRect d -> "DIRTY_RECT " + d.bitmap().x() + "," + d.bitmap().y() + " "
                    + d.bitmap().width() + "x" + d.bitmap().height();
            case ScreenBlt b -> "SCREEN_BLT " + b.rect().x() + "," + b.rect().y() + " "
                    + b.rect().width() + "x" + b.rect().height() + " from " + b.srcX() + "," + b.srcY();
            case SolidRect r -> "SOLID_RECT " + r.rect().x() + "," + r.rect().y() + " "
                    + r.rect().width() + "x" + r.rect().height();
            default -> m.command().name();
        };
    }
}
