package org.svp.server.update;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.server.ServerStats;
import org.svp.server.encode.CodecChoice;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.session.ClientRegistry;
import org.svp.server.session.Dispatch;
import org.svp.server.session.DisplayClient;
import org.svp.source.SourceUpdate;

/**
 * The I/O thread's side of the update path (seed §2.1 steps 3–5 and §2.3): takes updates from the
 * {@link UpdateQueue}, hands Draw updates to the encoder workers, and dispatches results strictly in
 * submission order — applying each to the mirror, then giving it to every display client. Workers
 * may finish out of order; a small in-flight window keeps them busy without unbounded memory.
 *
 * <pre>
 *  source thread ──submit──▶ UpdateQueue ──poll──▶ [in-flight window] ──▶ workers (encode)
 *                                                        │ completed, in order
 *                                                        ▼
 *                                mirror.apply ─▶ DisplayClient.deliver ─▶ socket when writable
 * </pre>
 *
 * All methods run on the I/O thread.
 */
public final class UpdatePipeline {
    private static final Logger LOG = LoggerFactory.getLogger(UpdatePipeline.class);

    private record InFlight(UpdateQueue.Queued queued, CompletableFuture<EncodedUpdate> encoded) {
    }

    /**
     * Updates of at most this many bitmap pixels are encoded on the I/O thread when nothing else is in
     * flight ({@link #encodeHere}): a few terminal lines, a clock's hand, a button; at most 64 KiB of
     * RGB32, ~0.2 ms of MEDZ under C1 in the worst case.
     */
    static final int INLINE_PIXELS = 16 * 1024;

    private final Executor ioThread;
    private final ExecutorService workers;
    private final UpdateEncoder encoder;
    private final ScreenMirror mirror;
    private final ClientRegistry clients;
    private final ServerStats stats;
    private final int maxInFlight;
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    private UpdateQueue queue;
    /** Number of the last Draw handed to the workers. */
    private long encodeSeq;

    /**
     * @param ioThread the I/O event loop
     * @param workers the encoder pool
     * @param encoder what the workers run
     * @param mirror the server's framebuffer
     * @param clients connected clients
     * @param stats counters
     * @param maxInFlight updates being encoded at once (bounds memory; ≥ worker count keeps them busy)
     */
    public UpdatePipeline(Executor ioThread, ExecutorService workers, UpdateEncoder encoder, ScreenMirror mirror,
                          ClientRegistry clients, ServerStats stats, int maxInFlight) {
        this.ioThread = ioThread;
        this.workers = workers;
        this.encoder = encoder;
        this.mirror = mirror;
        this.clients = clients;
        this.stats = stats;
        this.maxInFlight = maxInFlight;
    }

    /** @param queue the source queue this pipeline drains (set once, before the source starts) */
    public void attach(UpdateQueue queue) {
        this.queue = queue;
    }

    /** Moves queued updates into the in-flight window. Called when the queue signals, and after dispatch. */
    public void drain() {
        UpdateQueue.Queued q;
        while (inFlight.size() < maxInFlight && (q = queue.poll()) != null) {
            CompletableFuture<EncodedUpdate> f;
            if (q.update() instanceof SourceUpdate.Draw draw && clients.displayCount() > 0) {
                Set<CodecChoice> codecs = clients.codecs();
                boolean keys = clients.anyScreenCache();
                long seq = ++encodeSeq; // dispatch order, for H.264 streams (LossyPolicy)
                if (inFlight.isEmpty() && pixels(draw) <= INLINE_PIXELS) {
                    f = encodeHere(draw, codecs, keys, seq);
                } else {
                    f = CompletableFuture.supplyAsync(() -> encoder.encode(draw, codecs, keys, seq), workers);
                }
            } else {
                f = CompletableFuture.completedFuture(null);
            }
            inFlight.add(new InFlight(q, f));
            f.whenComplete((r, e) -> ioThread.execute(this::dispatchReady));
        }
    }

    /**
     * Encodes a small update on this thread (I/O): handing it to a worker and back costs two wake-ups
     * across threads (a worker's futex, then this loop's eventfd), which on this paravirtualised
     * machine cost more than encoding a few thousand pixels; with nothing else in flight the order is
     * kept. Bigger updates go to the workers, so a photo never holds up the sockets.
     */
    private CompletableFuture<EncodedUpdate> encodeHere(SourceUpdate.Draw draw, Set<CodecChoice> codecs, boolean keys,
                                                        long seq) {
        try {
            return CompletableFuture.completedFuture(encoder.encode(draw, codecs, keys, seq));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** @return the pixels of the bitmaps {@code draw} carries */
    static long pixels(SourceUpdate.Draw draw) {
        long n = 0;
        for (DisplayMessage m : draw.messages()) {
            org.svp.protocol.message.Bitmap b = UpdateEncoder.bitmapOf(m);
            if (b != null) {
                n += (long) b.width() * b.height();
            }
        }
        return n;
    }

    private void dispatchReady() {
        while (!inFlight.isEmpty() && inFlight.peek().encoded().isDone()) {
            InFlight head = inFlight.poll();
            EncodedUpdate enc = null;
            try {
                enc = head.encoded().join();
            } catch (RuntimeException e) {
                LOG.error("encoding an update failed; clients will be re-sent the affected area", e);
            }
            dispatch(head.queued(), enc);
        }
        drain();
    }

    private void dispatch(UpdateQueue.Queued q, EncodedUpdate enc) {
        switch (q.update()) {
            case SourceUpdate.Draw draw -> dispatchDraw(draw, enc);
            case SourceUpdate.Cursor c -> clients.cursor(c.shape());
            case SourceUpdate.Marker mk -> {
                try {
                    mk.action().run(mirror.width(), mirror.height(), mirror.pixels());
                } catch (RuntimeException e) {
                    LOG.error("a source marker action failed", e);
                }
            }
        }
        stats.updatesDispatched.increment();
        long now = System.nanoTime();
        if (q.update() instanceof SourceUpdate.Draw draw) {
            stats.captureToWire.record(now - (draw.captureNanos() != 0 ? draw.captureNanos() : q.submitNanos()));
        }
    }

    private void dispatchDraw(SourceUpdate.Draw draw, EncodedUpdate enc) {
        List<DisplayMessage> msgs = draw.messages();
        Rect[] damage = new Rect[msgs.size()];
        Rect[] capturedArea = new Rect[msgs.size()];
        int[][] captured = new int[msgs.size()][];
        for (int i = 0; i < msgs.size(); i++) {
            DisplayMessage m = msgs.get(i);
            if (m instanceof org.svp.protocol.message.ScreenBlt blt) {
                encoder.dispatched(blt); // lossy pixels it copies need their refresh where they land
            }
            int[] decoded = enc != null && enc.messages().size() == msgs.size() ? enc.messages().get(i).decoded() : null;
            try {
                damage[i] = decoded != null && m instanceof DirtyRect d ? mirror.applyDecoded(d, decoded) : mirror.apply(m);
            } catch (RuntimeException e) {
                LOG.error("the source sent an order the renderer rejects ({}): {}", m.command(), e.getMessage());
                damage[i] = mirror.bounds();
            }
            if (enc != null && m.isDrawing() && clients.someoneNeedsPixels(m)) {
                // a MEM_BLT of a bitmap some client lacks, or an order a v1 client cannot draw exactly:
                // that client gets these pixels as a DIRTY_RECT in its place (one drawing message for one)
                Rect area = damage[i].isEmpty() ? new Rect(0, 0, 1, 1).intersect(mirror.bounds()) : damage[i];
                if (!area.isEmpty()) {
                    capturedArea[i] = area;
                    captured[i] = mirror.capture(area);
                }
            }
        }
        clients.mirrorChanged(damage); // shared resync tiles of the damaged area are stale now
        if (enc == null) {
            // Not encoded: there was no display client when it was queued (one may have joined since),
            // or encoding failed (logged). Either way clients get the changed area from the mirror; after a
            // SCREEN_RESIZE they get the new size first, as on join (a client that joined in between may
            // have been told the old size, or none while the screen was still 0x0).
            Rect all = new Rect(0, 0, 0, 0);
            boolean resized = false;
            for (int i = 0; i < msgs.size(); i++) {
                all = all.union(damage[i]);
                resized |= msgs.get(i) instanceof ScreenResize;
            }
            for (DisplayClient c : clients.displays()) {
                if (resized) {
                    c.join();
                } else {
                    c.resync(all);
                }
            }
            return;
        }
        try {
            Dispatch d = new Dispatch(enc, damage, capturedArea, captured);
            for (DisplayClient c : clients.displays()) {
                c.deliver(d);
            }
            clients.enforceBudget();
        } finally {
            enc.release();
        }
    }
}
