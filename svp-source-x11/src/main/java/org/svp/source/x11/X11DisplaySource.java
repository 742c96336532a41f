package org.svp.source.x11;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputQueue;
import org.svp.source.InputSink;
import org.svp.source.x11.xlib.Wakeup;
import org.svp.source.x11.xlib.XConnection;

/**
 * Serves an X display. {@link #start} opens the display on the caller's thread — so a display that
 * cannot be opened or lacks DAMAGE, MIT-SHM, XFIXES or XTEST fails the start with an
 * {@link org.svp.protocol.error.UpstreamException} naming it — then runs the capture loop on its own
 * thread "svp-x11" ({@link CaptureLoop}). {@link #input()} is called on the server's I/O thread: it
 * queues the event and wakes the X thread (Xlib is used by that one thread only). {@link #close()}
 * from any thread stops the loop and, for {@code x11:new}, the desktop it owns. If the X server goes
 * away (or the X thread fails), the thread stops and reports it once with {@link DisplaySink#fail}
 * ("lost the X display :1: …"); the process is never exited ({@link org.svp.source.x11.xlib.XIoErrors}).
 */
public final class X11DisplaySource implements DisplaySource {
    private static final Logger LOG = LoggerFactory.getLogger(X11DisplaySource.class);
    /** Input events queued beyond this are dropped (a stuck X server must not eat the heap). */
    static final int MAX_QUEUED_INPUT = 10_000;
    /** How long {@link #close} waits for the X thread. */
    private static final long JOIN_MILLIS = 3000;

    private final X11Options options;
    private final AutoCloseable owned;
    private final X11Stats stats = new X11Stats();
    private final InputQueue inputQueue = new InputQueue(MAX_QUEUED_INPUT, this::wake);
    private volatile Wakeup wakeup;
    private volatile boolean closed;
    private volatile Throwable failure;
    private final AtomicBoolean reported = new AtomicBoolean();
    private Thread thread;

    /** @param options the display and how to capture it */
    public X11DisplaySource(X11Options options) {
        this(options, null);
    }

    /**
     * @param options the display and how to capture it
     * @param owned closed after the source stops (the {@code x11:new} desktop), or null
     */
    public X11DisplaySource(X11Options options, AutoCloseable owned) {
        this.options = options;
        this.owned = owned;
    }

    @Override
    public synchronized void start(DisplaySink sink) {
        if (thread != null) {
            throw new IllegalStateException("X11 source already started");
        }
        XConnection x = XConnection.open(options.display());
        Wakeup w;
        CaptureLoop loop;
        try {
            w = new Wakeup();
            loop = new CaptureLoop(x, options, stats, inputQueue::poll, w);
        } catch (RuntimeException e) {
            x.close();
            throw e;
        }
        wakeup = w;
        x.onLostWithoutReturn(() -> { // libX11 < 1.7 only: the X thread parks inside Xlib for good
            failure = x.lostError(null);
            report(sink, x.lostError(null));
        });
        thread = new Thread(() -> run(loop, sink), "svp-x11");
        thread.setDaemon(true);
        thread.start();
        LOG.info("capturing X display {} (scroll detection {}, window moves {}, {} ms frames)", options.display(),
                options.detectScroll() ? "on" : "off", options.detectMoves() ? "on" : "off", options.frameMillis());
    }

    private void run(CaptureLoop loop, DisplaySink sink) {
        try {
            loop.run(sink, () -> closed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UpstreamException e) {
            failure = e;
            LOG.debug("the X11 source stopped", e);
            report(sink, e);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.error("the X11 source stopped", e);
            report(sink, new UpstreamException("the X11 source for display " + options.display() + " stopped: " + e, e));
        }
    }

    /** Tells the server, once, that the source stopped for good (unless it is being closed). */
    private void report(DisplaySink sink, UpstreamException e) {
        if (!closed && reported.compareAndSet(false, true)) {
            sink.fail(e);
        }
    }

    @Override
    public InputSink input() {
        return inputQueue;
    }

    @Override
    public String name() {
        return "x11:" + options.display();
    }

    /** @return live counters */
    public X11Stats stats() {
        return stats;
    }

    /** @return what stopped the X thread, or null while it runs (or after a normal close) */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
        if (t != null) {
            wakeup.signal();
            try {
                t.join(JOIN_MILLIS);
                if (t.isAlive()) {
                    t.interrupt(); // blocked in submit
                    t.join(JOIN_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", owned, e.getMessage());
            }
        }
    }

    /** Wakes the X thread after input was queued; I/O thread, never blocks. */
    private void wake() {
        Wakeup w = wakeup;
        if (w != null) {
            w.signal();
        }
    }
}
