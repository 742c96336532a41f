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
 * paces captures to at most one per {@link X11Options#frameMillis()} (damage arriving faster stays
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
            fds.set(ValueLayout.JAVA_INT, 0, xlib.connectionNumber(dpy));
            fds.set(ValueLayout.JAVA_SHORT, 4, POLLIN);
            fds.set(ValueLayout.JAVA_INT, 8, wakeup.fd());
            fds.set(ValueLayout.JAVA_SHORT, 12, POLLIN);
            MemorySegment event = arena.allocate(Xlib.EVENT_BYTES);
            sink.submit(new SourceUpdate.Draw(List.of(new ScreenResize(differ.width(), differ.height()))));
            differ.tiles().markAll();
            damaged = true;
            loop(sink, closed, fds, event);
        } catch (RuntimeException e) {
            if (x.lost() && !(e instanceof UpstreamException)) {
                throw x.lostError(e);
            }
            throw e;
        } finally {
            release();
        }
    }

    private void loop(DisplaySink sink, java.util.function.BooleanSupplier closed, MemorySegment fds,
            MemorySegment event) throws InterruptedException {
        while (!closed.getAsBoolean()) {
            if (x.lost()) {
                throw x.lostError(null);
            }
            input.replay();
            drainEvents(event);
            if (resized) {
                resize(sink);
            }
            if (cursorChanged) {
                cursorChanged = false;
                cursor.check(sink);
            }
            int timeout = -1;
            if (!damaged && !stillChecked) {
                long wait = lastCapture + STILL_CHECK_NANOS - System.nanoTime();
                if (wait <= 0) {
                    checkStill(sink);
                    continue;
                }
                timeout = (int) Math.max(1, wait / 1_000_000L);
            }
            if (damaged) {
                long wait = lastCapture + options.frameMillis() * 1_000_000L - System.nanoTime();
                if (wait <= 0) {
                    capture(sink);
                    continue;
                }
                timeout = (int) Math.max(1, wait / 1_000_000L);
            }
            fds.set(ValueLayout.JAVA_SHORT, 6, (short) 0);
            fds.set(ValueLayout.JAVA_SHORT, 14, (short) 0);
            if (xlib.pending(dpy) == 0) {
                org.svp.source.x11.xlib.LibC.poll(fds, 2, timeout);
            }
            if (fds.get(ValueLayout.JAVA_SHORT, 14) != 0) {
                wakeup.drain();
            }
        }
    }

    private void drainEvents(MemorySegment event) {
        while (xlib.pending(dpy) > 0) {
            xlib.nextEvent(dpy, event);
            int type = event.get(ValueLayout.JAVA_INT, 0) & 0x7F;
            if (type == x.damage().notifyEvent()) {
                damaged = true;
                stats.damageEvents.increment();
            } else if (type == x.fixes().cursorNotifyEvent()) {
                cursorChanged = true;
            } else if (type == Xlib.CONFIGURE_NOTIFY && event.get(ValueLayout.JAVA_LONG, 40) != x.root()
                    || type >= Xlib.CREATE_NOTIFY && type <= Xlib.REPARENT_NOTIFY) {
                if (windows != null) {
                    WindowMove move = windows.onEvent(type, event);
                    if (move != null && differ.queueMove(move) != null) {
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
        for (Rect r : x.fixes().fetchRegion(dpy, region, xlib)) {
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
            for (Rect r : tiles.readRects()) {
                read(r);
            }
        } catch (IllegalStateException e) {
            LOG.debug("capture failed ({}); checking the screen size and retrying", e.getMessage());
            resized = true;
            damaged = true;
            return 0; // the tiles stay marked for the retry
        }
        stats.captures.increment();
        List<DisplayMessage> orders = differ.diff(rects);
        if (LOG.isTraceEnabled()) {
            LOG.trace("capture: damage {} -> {} orders", rects, orders.stream().map(m -> m.command().name()).toList());
        }
        submit(sink, orders, t0);
        if (!orders.isEmpty()) {
            stillChecked = false;
        }
        return orders.size();
    }

    /** Copies the pixels of {@code r} into the differ's latest frame as X gave them (top byte unmasked). */
    private void read(Rect r) {
        MemorySegment px = shm.read(x.root(), r.x(), r.y(), r.width(), r.height());
        int[] latest = differ.latest();
        int stride = differ.width();
        for (int row = 0; row < r.height(); row++) {
            int o = (r.y() + row) * stride + r.x();
            MemorySegment.copy(px, ValueLayout.JAVA_INT_UNALIGNED, (long) row * r.width() * 4, latest, o, r.width());
        }
    }

    private void submit(DisplaySink sink, List<DisplayMessage> orders, long captureNanos) throws InterruptedException {
        List<DisplayMessage> batch = new ArrayList<>();
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
            if (bytes >= BATCH_BYTES) {
                sink.submit(new SourceUpdate.Draw(batch, captureNanos));
                batch = new ArrayList<>();
                bytes = 0;
            }
        }
        if (!batch.isEmpty()) {
            sink.submit(new SourceUpdate.Draw(batch, captureNanos));
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
}
