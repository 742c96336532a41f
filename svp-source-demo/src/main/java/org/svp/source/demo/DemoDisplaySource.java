package org.svp.source.demo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.svp.protocol.Rect;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputQueue;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;
import org.svp.source.demo.desktop.Desktop;
import org.svp.source.demo.draw.GlyphFont;

/**
 * The built-in demo desktop. One daemon thread, "svp-demo", plays a deterministic script of frames
 * (windows, text, scrolling, icons, a photo, a chart, a clipped animation, a popup menu, pointer
 * shapes) at {@link DemoOptions#fps()} and submits one {@link SourceUpdate.Draw} per frame; after
 * {@link DemoOptions#frames()} frames it stops animating, submits the marker registered with
 * {@link #onScriptFinished}, and keeps reacting to input. Keyboard input types into the Notes window;
 * a left click raises and focuses the window under the pointer. The orders caused by input are submitted at once,
 * not at the next frame. Windows are raised by a click and dragged by their title bars; Notes has a
 * button and a checkbox (see {@link Desktop}). If the demo thread dies of an unexpected exception or error, it reports it
 * once through {@link DisplaySink#fail} ("the demo desktop stopped: …") instead of leaving the server
 * serving a frozen picture.
 *
 * <p>Threads: {@link #start} and {@link #close} from the server's control thread; {@link #input()}'s
 * methods from the server's I/O thread (they only queue, never block); everything else runs on the
 * demo thread. Submitting may block on the sink (back-pressure), which simply slows the script.
 */
public final class DemoDisplaySource implements DisplaySource {

    /** Input events queued beyond this are dropped (a stuck demo thread must not eat the heap). */
    static final int MAX_QUEUED_INPUT = 10_000;
    /** How long the idle demo thread waits for input before checking whether it was closed, in ms. */
    private static final long IDLE_POLL_MS = 100;
    /** A frame clock further behind than this (ns) restarts instead of bursting to catch up. */
    private static final long MAX_LAG_NANOS = 1_000_000_000L;

    /**
     * What to play.
     *
     * @param width screen width, 640..32767
     * @param height screen height, 480..32767
     * @param frames frames to animate before the script finishes; -1 animates forever. The first
     *     frame (the whole screen) is always drawn, so 0 behaves as 1.
     * @param fps frames per second; ≤ 0 plays as fast as the sink accepts
     */
    public record DemoOptions(int width, int height, int frames, int fps) {
        public DemoOptions {
            if (width < 640 || height < 480 || width > Short.MAX_VALUE || height > Short.MAX_VALUE) {
                throw new IllegalArgumentException("demo screen must be 640x480 .. 32767x32767, got "
                        + width + "x" + height);
            }
            if (frames < -1) {
                throw new IllegalArgumentException("frames must be -1 (forever) or >= 0, got " + frames);
            }
        }

        /** @return 1280×800, animating forever at 30 fps */
        public static DemoOptions defaults() {
            return new DemoOptions(1280, 800, -1, 30);
        }
    }

    private final DemoOptions options;
    private final Desktop desktop;
    private final InputQueue inputQueue = new InputQueue(MAX_QUEUED_INPUT, () -> { });
    private final AtomicLong inputHandled = new AtomicLong();
    private volatile SourceUpdate.MarkerAction finishedAction;
    private volatile int framesPlayed;
    private volatile boolean scriptFinished;
    /** Set by {@link #finishNow}: the next frame is the script's last. */
    private volatile boolean finishRequested;
    private volatile String typed = "";
    private volatile boolean closed;
    private volatile Throwable failure;
    private Thread thread;
    /**
     * System property naming a frame at which the demo thread fails on purpose: lets an end-to-end test
     * check how {@code svp server} reports a dead source (tests/cli-smoke.sh). Unset: never.
     */
    static final String FAIL_AT_FRAME_PROPERTY = "svp.demo.failAtFrame";

    /** Runs on the demo thread before each frame is drawn; tests inject failures through it. */
    private volatile IntConsumer beforeFrame = failAt(Integer.getInteger(FAIL_AT_FRAME_PROPERTY, -1));

    /**
     * Builds the scene (loads the glyph set); nothing is drawn before {@link #start}.
     *
     * @param options size, script length and pace
     */
    public DemoDisplaySource(DemoOptions options) {
        this.options = options;
        this.desktop = new Desktop(options.width(), options.height(), options.fps(), GlyphFont.dejaVuSansMono14());
    }

    /**
     * Registers what the marker submitted when the script finishes runs (the server writes
     * {@code --save-final} PNGs with it). Call before {@link #start}; without one no marker is sent.
     *
     * @param action run on the server's I/O thread once every frame of the script is applied
     */
    public void onScriptFinished(SourceUpdate.MarkerAction action) {
        this.finishedAction = action;
    }

    @Override
    public synchronized void start(DisplaySink sink) {
        if (thread != null) {
            throw new IllegalStateException("demo source already started");
        }
        thread = new Thread(() -> run(sink), "svp-demo");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public InputSink input() {
        return inputQueue;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
        }
    }

    private static IntConsumer failAt(int frame) {
        return n -> {
            if (n == frame) {
                throw new IllegalStateException("failure injected at frame " + n + " (-D" + FAIL_AT_FRAME_PROPERTY + ")");
            }
        };
    }

    /**
     * Test hook: runs {@code hook} on the demo thread before each frame is drawn (what it throws kills
     * the demo thread the way a bug would). Call before {@link #start}.
     *
     * @param hook receives the frame number
     */
    void beforeEachFrame(IntConsumer hook) {
        this.beforeFrame = hook;
    }

    /**
     * Ends the script early: the next frame is its last (then the marker of {@link #onScriptFinished} is
     * submitted and the picture stays still). {@code svp bench load} asks for it through
     * {@code --stats-on-stdin}'s {@code finish} line, to compare every client's final picture with the
     * server's. Any thread; idempotent; no effect once the script has finished.
     */
    public void finishNow() {
        finishRequested = true;
    }

    /** @return frames submitted so far */
    public int framesPlayed() {
        return framesPlayed;
    }

    /** @return whether the script has played all its frames */
    public boolean scriptFinished() {
        return scriptFinished;
    }

    /** @return the text typed into the Notes window so far ('\n' for Enter) */
    public String typedText() {
        return typed;
    }

    /**
     * @return a copy of what the source believes is on screen: its shadow surface, 0x00RRGGBB,
     *     stride = width
     */
    public int[] screenSnapshot() {
        return desktop.snapshot();
    }

    /**
     * @param name a window's short name, e.g. {@link Desktop#NOTES}
     * @return that window's frame on screen
     */
    public Rect windowFrame(String name) {
        return desktop.windowFrame(name);
    }

    // The following read the demo thread's state: call them while it is idle (after awaitIdle).

    /** @return the windows' short names, bottom of the stack first */
    public List<String> stackingOrder() {
        return desktop.stackingOrder();
    }

    /** @return the Notes window's click-counting button on screen */
    public Rect notesButton() {
        return desktop.notesButton();
    }

    /** @return how often the Notes button was clicked */
    public int notesButtonClicks() {
        return desktop.notesButtonClicks();
    }

    /** @return the Notes window's "Blink caret" checkbox (the box) on screen */
    public Rect notesCheckbox() {
        return desktop.notesCheckbox();
    }

    /**
     * Waits until the script has finished and every queued input event has been handled and submitted.
     *
     * @param timeout how long to wait at most
     * @return true if idle, false on timeout
     * @throws InterruptedException if the caller is interrupted
     * @throws IllegalStateException if the demo thread died of an error
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(scriptFinished && inputHandled.get() == inputQueue.queuedTotal())) {
            if (failure != null) {
                throw new IllegalStateException("demo thread failed", failure);
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void run(DisplaySink sink) {
        long period = options.fps() > 0 ? 1_000_000_000L / options.fps() : 0;
        int limit = options.frames() < 0 ? -1 : Math.max(1, options.frames());
        long next = System.nanoTime();
        int n = 0;
        try {
            while (!closed) {
                if (finishRequested && (limit < 0 || limit > n + 1)) {
                    limit = n + 1;
                }
                if (limit < 0 || n < limit) {
                    beforeFrame.accept(n);
                    List<DisplayMessage> orders = desktop.frame(n);
                    if (!orders.isEmpty()) {
                        sink.submit(new SourceUpdate.Draw(orders));
                    }
                    Optional<CursorShape> cursor = desktop.cursor(n);
                    if (cursor.isPresent()) {
                        sink.submit(new SourceUpdate.Cursor(cursor.get()));
                    }
                    n++;
                    framesPlayed = n;
                    if (n == limit) {
                        SourceUpdate.MarkerAction action = finishedAction;
                        if (action != null) {
                            sink.submit(new SourceUpdate.Marker(action));
                        }
                        scriptFinished = true;
                        continue;
                    }
                    next += period;
                    long now = System.nanoTime();
                    if (now - next > MAX_LAG_NANOS) {
                        next = now;
                    }
                    handleInputUntil(sink, next, period > 0);
                } else {
                    Message m = inputQueue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
                    if (m != null) {
                        handle(sink, m);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Reported like the X11 source does: the server logs one line, `svp server` exits 1. Not
            // rethrown: the default handler would print a stack trace and the server would keep
            // serving a frozen picture.
            failure = e;
            if (!closed) {
                sink.fail(new UpstreamException("the demo desktop stopped: " + e, e));
            }
        }
    }

    /** Handles input until the next frame is due (or, unpaced, whatever is queued now). */
    private void handleInputUntil(DisplaySink sink, long deadline, boolean paced) throws InterruptedException {
        if (!paced) {
            Message m;
            while ((m = inputQueue.poll()) != null) {
                handle(sink, m);
            }
            return;
        }
        long remaining;
        while (!closed && (remaining = deadline - System.nanoTime()) > 0) {
            Message m = inputQueue.poll(remaining, TimeUnit.NANOSECONDS);
            if (m != null) {
                handle(sink, m);
            }
        }
    }

    private void handle(DisplaySink sink, Message m) throws InterruptedException {
        try {
            List<DisplayMessage> orders = switch (m) {
                case KeyboardEvent k -> desktop.keyboard(k);
                case MouseEvent e -> desktop.mouse(e);
                default -> List.of();
            };
            typed = desktop.typedText();
            if (!orders.isEmpty()) {
                sink.submit(new SourceUpdate.Draw(orders));
            }
            Optional<CursorShape> pointer = desktop.takePointerChange();
            if (pointer.isPresent()) {
                sink.submit(new SourceUpdate.Cursor(pointer.get()));
            }
        } finally {
            inputHandled.incrementAndGet();
        }
    }
}
