package org.svp.source.vrde;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.Rect;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SessionObserver;
import org.svp.source.SourceUpdate;
import org.svp.source.vrde.control.ControlChannel;
import org.svp.source.vrde.control.ControlListener;
import org.svp.source.vrde.control.ControlMessage;
import org.svp.source.vrde.input.VrdeInput;
import org.svp.source.vrde.order.OrderTranslator;
import org.svp.source.vrde.pixels.FramebufferPixels;
import org.svp.source.vrde.pointer.PointerShapes;
import org.svp.source.vrde.ring.Record;
import org.svp.source.vrde.ring.RingFormatException;
import org.svp.source.vrde.ring.RingLayout;
import org.svp.source.vrde.ring.RingReader;
import org.svp.source.vrde.ring.WakeFifo;
import org.svp.source.vrde.session.InfoBlock;
import org.svp.source.vrde.session.VrdeSessions;

/**
 * {@code --source vrde:DIR}: the screen of a VirtualBox VM, from the SVP VRDE module's directory
 * (docs/vrde.md). {@link #start} connects to DIR/control.sock, maps DIR/ring, says HELLO and starts
 * the "svp-vrde" thread, which drains ring records, translates them and submits them to the sink,
 * sleeping on DIR/wake when the ring is empty. Input, client sessions and QueryInfo go back over the
 * control socket. Losing the control connection fails the source ("lost the VirtualBox VRDE module:
 * …", the server exits 1); the module's SHUTDOWN finishes it (exit 0).
 */
public final class VrdeDisplaySource implements DisplaySource {
    private static final Logger LOG = LoggerFactory.getLogger(VrdeDisplaySource.class);
    /** How long start() waits for HELLO_ACK. */
    static final long HELLO_TIMEOUT_MS = 5000;
    /** A Draw is submitted once it holds this many messages even without a COMPLETE. */
    static final int BATCH_MESSAGES = 256;
    /** … or this many bitmap bytes. */
    static final long BATCH_BYTES = 8L << 20;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final Path dir;
    private final VrdeSessions sessions;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<int[]> helloAck = new CompletableFuture<>();
    private volatile boolean running;
    private ControlChannel control;
    private VrdeInput input;
    private Arena arena;
    private RingReader reader;
    private WakeFifo fifo;
    private Thread thread;
    private ScheduledExecutorService infoTimer;
    private DisplaySink sink;
    private OrderTranslator translator;

    // "svp-vrde" thread state
    private List<DisplayMessage> batch = new ArrayList<>();
    private long batchNanos;
    private long batchBytes;
    private int width;
    private int height;

    /** @param dir the module's directory (ring, wake, control.sock) */
    public VrdeDisplaySource(Path dir) {
        this.dir = dir;
        this.sessions = new VrdeSessions(() -> input.sessionStarted());
    }

    @Override
    public Optional<SessionObserver> sessionObserver() {
        return Optional.of(sessions);
    }

    @Override
    public void start(DisplaySink sink) {
        this.sink = sink;
        try {
            control = new ControlChannel(dir.resolve("control.sock"), new Listener());
        } catch (IOException e) {
            throw new UpstreamException("cannot reach the VirtualBox VRDE module at " + dir.resolve("control.sock") + ": "
                    + e.getMessage(), e);
        }
        try {
            input = new VrdeInput(control::send);
            translator = new OrderTranslator(r -> control.send(ControlMessage.of(ControlMessage.REFRESH, r.x(), r.y(),
                    r.width(), r.height())));
            arena = Arena.ofShared();
            MemorySegment ring;
            try (FileChannel fc = FileChannel.open(dir.resolve("ring"), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ring = fc.map(FileChannel.MapMode.READ_WRITE, 0, fc.size(), arena);
            }
            reader = new RingReader(ring);
            control.send(ControlMessage.of(ControlMessage.HELLO, 1));
            int[] ack = helloAck.get(HELLO_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.info("VRDE module at {}: protocol {}, ring generation {}, {} MiB", dir, ack[0], ack[1],
                    reader.capacity() >> 20);
            reader.resync();
            sessions.attach(control, new InfoBlock(ring));
            fifo = new WakeFifo(dir.resolve("wake"));
        } catch (TimeoutException e) {
            closeQuietly();
            throw new UpstreamException("the VirtualBox VRDE module at " + dir + " did not answer HELLO within "
                    + HELLO_TIMEOUT_MS / 1000 + " s", e);
        } catch (IOException | RingFormatException | java.util.concurrent.ExecutionException e) {
            closeQuietly();
            throw new UpstreamException("cannot use the VirtualBox VRDE module's files in " + dir + ": "
                    + (e.getCause() != null && !(e instanceof IOException) ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new UpstreamException("interrupted while connecting to the VirtualBox VRDE module", e);
        }
        running = true;
        infoTimer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("svp-vrde-info")
                .unstarted(r));
        infoTimer.scheduleAtFixedRate(sessions::tick, VrdeSessions.PUBLISH_MS, VrdeSessions.PUBLISH_MS,
                TimeUnit.MILLISECONDS);
        thread = Thread.ofPlatform().daemon().name("svp-vrde").start(this::run);
    }

    /** The "svp-vrde" thread: drain, translate, submit; sleep on the FIFO when the ring is empty. */
    private void run() {
        try {
            while (running) {
                Record r;
                try {
                    r = reader.next();
                } catch (RingFormatException e) {
                    LOG.error("the VRDE ring is corrupt ({}); skipping to its end and refreshing the screen",
                            e.getMessage());
                    reader.skipAll();
                    refreshAll();
                    continue;
                }
                if (r == null) {
                    flush();
                    if (reader.dirtyPending()) {
                        control.send(ControlMessage.of(ControlMessage.ROOM));
                    }
                    if (reader.announceWaiting()) {
                        boolean open = fifo.await();
                        reader.awake();
                        if (!open) {
                            Thread.sleep(20); // every writer gone: the control socket's EOF ends us soon
                        }
                    }
                    continue;
                }
                try {
                    handle(r);
                } catch (RuntimeException e) {
                    LOG.warn("bad VRDE record type {} ({} bytes): {}", r.type(), r.length(), e.toString());
                    refreshAll();
                } finally {
                    reader.release(r);
                }
            }
        } catch (InterruptedException | IOException e) {
            if (running) {
                LOG.debug("svp-vrde stopped: {}", e.toString());
            }
        } catch (IllegalStateException e) {
            if (running) { // the ring was unmapped under us: only at close
                LOG.warn("svp-vrde stopped: {}", e.toString());
            }
        }
    }

    private void handle(Record r) throws InterruptedException {
        MemorySegment p = r.payload();
        switch (r.type()) {
            case RingLayout.RESIZE -> {
                int screen = p.get(INT, 0);
                if (screen != 0) {
                    return;
                }
                flush();
                width = p.get(INT, 4);
                height = p.get(INT, 8);
                LOG.info("VM screen {}x{} at {} bpp", width, height, p.get(INT, 12));
                translator.resized(width, height);
                add(new ScreenResize(width, height), r.timeNs(), 0);
            }
            case RingLayout.BITMAP -> {
                int x = p.get(SHORT, 0);
                int y = p.get(SHORT, 2);
                int w = p.get(SHORT, 4) & 0xFFFF;
                int h = p.get(SHORT, 6) & 0xFFFF;
                int bpp = p.get(INT, 8);
                long rowBytes = p.get(INT, 12) & 0xFFFFFFFFL;
                if (w == 0 || h == 0) {
                    return;
                }
                Bitmap b = FramebufferPixels.toBitmap(p, 16, rowBytes, bpp, x, y, w, h);
                translator.fresh(new Rect(x, y, w, h));
                add(new DirtyRect(b), r.timeNs(), b.data().length);
            }
            case RingLayout.ORDERS -> {
                int screen = p.get(INT, 0);
                long cb = p.get(INT, 4) & 0xFFFFFFFFL;
                if (screen != 0) {
                    return;
                }
                if (cb > p.byteSize() - 8) {
                    throw new IllegalArgumentException("ORDERS cb " + cb + " beyond the record");
                }
                if (batch.isEmpty()) {
                    batchNanos = r.timeNs();
                }
                int before = batch.size();
                translator.translate(p.asSlice(8, cb).asByteBuffer(), batch);
                for (int i = before; i < batch.size(); i++) {
                    if (batch.get(i) instanceof DirtyRect d) {
                        batchBytes += d.bitmap().data().length;
                    }
                }
                flushIfFull();
            }
            case RingLayout.COMPLETE -> flush();
            case RingLayout.POINTER_COLOR -> cursor(PointerShapes.legacy(pointerBytes(p)));
            case RingLayout.POINTER_MOUSEPTR -> cursor(PointerShapes.mousePtr(pointerBytes(p)));
            case RingLayout.POINTER_HIDE -> cursor(PointerShapes.hidden());
            default -> LOG.warn("ignored VRDE ring record type {} ({} bytes)", r.type(), r.length());
        }
    }

    private static java.nio.ByteBuffer pointerBytes(MemorySegment p) {
        long size = p.get(INT, 0) & 0xFFFFFFFFL;
        if (size > p.byteSize() - 4) {
            throw new IllegalArgumentException("pointer size " + size + " beyond the record");
        }
        return p.asSlice(4, size).asByteBuffer();
    }

    private void cursor(CursorShape shape) throws InterruptedException {
        flush();
        sink.submit(new SourceUpdate.Cursor(shape));
    }

    private void add(DisplayMessage m, long timeNs, long bytes) throws InterruptedException {
        if (batch.isEmpty()) {
            batchNanos = timeNs;
        }
        batch.add(m);
        batchBytes += bytes;
        flushIfFull();
    }

    private void flushIfFull() throws InterruptedException {
        if (batch.size() >= BATCH_MESSAGES || batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<DisplayMessage> m = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
        sink.submit(new SourceUpdate.Draw(m, batchNanos));
    }

    private void refreshAll() {
        if (width > 0 && height > 0) {
            control.send(ControlMessage.of(ControlMessage.REFRESH, 0, 0, width, height));
        }
    }

    @Override
    public InputSink input() {
        return new InputSink() { // input before start (no module yet) is dropped
            @Override
            public void keyboard(org.svp.protocol.message.KeyboardEvent e) {
                if (input != null) {
                    input.keyboard(e);
                }
            }

            @Override
            public void mouse(org.svp.protocol.message.MouseEvent e) {
                if (input != null) {
                    input.mouse(e);
                }
            }

            @Override
            public void videoModeset(org.svp.protocol.message.VideoModeset v) {
                if (input != null) {
                    input.videoModeset(v);
                }
            }
        };
    }

    @Override
    public String name() {
        return "vrde:" + dir;
    }

    /** @return the order translator's counters (tests): {malformed updates, REFRESH requests} */
    public long[] translationCounters() {
        return new long[] {translator.malformedCount(), translator.refreshCount()};
    }

    /** What the module says, on "svp-vrde-control". */
    private final class Listener implements ControlListener {
        @Override
        public void helloAck(int version, int generation) {
            helloAck.complete(new int[] {version, generation});
        }

        @Override
        public void logonResult(int requestId, int status) {
            sessions.logonResult(requestId, status);
        }

        @Override
        public void disconnectClient(int clientId, boolean reconnect) {
            sessions.disconnect(clientId);
        }

        @Override
        public void shutdown() {
            LOG.info("the VirtualBox VRDE module asked the server to stop");
            if (ended.compareAndSet(false, true)) {
                sessions.refuseWaiting();
                sink.finish();
            }
        }

        @Override
        public void lost(String why) {
            helloAck.completeExceptionally(new IOException(why));
            if (running && ended.compareAndSet(false, true)) {
                running = false;
                Thread t = thread;
                if (t != null) {
                    t.interrupt();
                }
                sink.fail(new UpstreamException("lost the VirtualBox VRDE module: " + why, null));
            }
        }
    }

    private void closeQuietly() {
        if (control != null) {
            control.close();
        }
        if (arena != null) {
            arena.close();
            arena = null;
        }
    }

    @Override
    public void close() {
        running = false;
        ended.set(true);
        sessions.detach();
        sessions.refuseWaiting();
        if (infoTimer != null) {
            infoTimer.shutdownNow();
        }
        if (control != null) {
            control.close();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (fifo != null) {
                fifo.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        if (arena != null && (t == null || !t.isAlive())) {
            arena.close();
            arena = null;
        }
    }

    /** @return true if {@code dir} looks like a VRDE module directory (for the CLI's error message) */
    public static boolean looksLikeModuleDir(Path dir) {
        return Files.exists(dir.resolve("control.sock")) && Files.exists(dir.resolve("ring"));
    }
}
