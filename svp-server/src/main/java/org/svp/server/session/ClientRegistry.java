package org.svp.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.svp.codec.BitmapEncoder;
import org.svp.netty.Frames;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.CursorShape;
import org.svp.server.ServerStats;
import org.svp.server.encode.CodecChoice;
import org.svp.server.screen.CursorFitter;
import org.svp.server.screen.ScreenMirror;

/**
 * Who is connected: display and cursor clients, plus the current cursor shape. v1 cannot tie one
 * client's sockets together, so display and cursor connections are tracked independently. Owned by
 * the I/O thread.
 */
public final class ClientRegistry {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientRegistry.class);
    private final Map<Channel, DisplayClient> displays = new LinkedHashMap<>();
    private final Map<Channel, CursorClient> cursors = new LinkedHashMap<>();
    private final ScreenMirror mirror;
    private final ServerStats stats;
    private final BitmapEncoder ioEncoder = new BitmapEncoder();
    private final ResyncTiles resyncTiles;
    private final org.svp.server.limits.MemoryTrim memoryTrim;
    private final long clientQueueBytes;
    private CursorShape cursor;
    private long budgetBytes = Long.MAX_VALUE;
    private long drainDeadlineNanos = Long.MAX_VALUE;
    private org.svp.server.limits.LogLimiter limitLog;
    private final org.svp.server.encode.HeldTiles heldTiles = new org.svp.server.encode.HeldTiles();

    /**
     * @param mirror the server's framebuffer
     * @param stats counters
     * @param clientQueueBytes per display client queue bound
     */
    public ClientRegistry(ScreenMirror mirror, ServerStats stats, long clientQueueBytes) {
        this.mirror = mirror;
        this.stats = stats;
        this.clientQueueBytes = clientQueueBytes;
        this.resyncTiles = new ResyncTiles(mirror, stats, ioEncoder);
        this.memoryTrim = new org.svp.server.limits.MemoryTrim(stats);
    }

    /**
     * @return the keys the clients' screen caches were last seen holding: the update encoder's hint
     *     ({@link org.svp.server.encode.EncodeManager#heldTiles}), kept by the display clients
     */
    public org.svp.server.encode.HeldTiles heldTiles() {
        return heldTiles;
    }

    /**
     * The update pipeline applied an update to the mirror: the shared resync encodings of what it
     * damaged are stale. Called on the I/O thread after applying, before delivering it to the clients.
     *
     * @param damage per message, what it changed (null entries allowed)
     */
    public void mirrorChanged(Rect[] damage) {
        for (Rect r : damage) {
            resyncTiles.invalidate(r);
        }
    }

    /**
     * Sets the server-wide memory budget for display queues (docs/security.md "Limits and timeouts").
     *
     * @param bytes queued bytes (ours plus Netty's) of all display clients together
     * @param drainDeadline how long a client over its bound or the budget may stay unwritable before it is dropped
     * @param log where the drop lines go (rate-limited)
     */
    public void budget(long bytes, java.time.Duration drainDeadline, org.svp.server.limits.LogLimiter log) {
        this.budgetBytes = bytes;
        this.drainDeadlineNanos = drainDeadline.toNanos();
        this.limitLog = log;
    }

    /**
     * After each dispatch: while the display queues of all clients together are over the budget, the
     * biggest queue is coalesced into damage (the resync path). I/O thread.
     */
    public void enforceBudget() {
        long total = totalHeld();
        while (total > budgetBytes) {
            DisplayClient biggest = null;
            for (DisplayClient d : displays.values()) {
                if (d.queuedBytes() > 0 && (biggest == null || d.queuedBytes() > biggest.queuedBytes())) {
                    biggest = d;
                }
            }
            long freed = biggest == null ? 0 : biggest.coalesce();
            if (freed <= 0) {
                break; // what is left is in Netty's buffers or not droppable: the drain deadline handles it
            }
            stats.budgetCoalesces.increment();
            total -= freed;
        }
        stats.queuedBytesTotal.set(total);
        stats.maxQueuedBytesTotal.accumulateAndGet(total, Math::max);
    }

    private long totalHeld() {
        long total = 0;
        for (DisplayClient d : displays.values()) {
            total += d.heldBytes();
        }
        return total;
    }

    /**
     * Every tick: a display client that has been unwritable for the drain deadline while over its own
     * queue bound or while all queues are over the budget is dropped with one line. I/O thread.
     */
    public void checkStalled() {
        long total = totalHeld();
        stats.queuedBytesTotal.set(total);
        stats.maxQueuedBytesTotal.accumulateAndGet(total, Math::max);
        for (DisplayClient d : displays()) {
            long stalled = d.unwritableForNanos();
            if (stalled > drainDeadlineNanos && (d.overQueueLimit() || total > budgetBytes)) {
                stats.slowClientDrops.increment();
                stats.limitCloses.increment();
                String line = "closing {} (display): it took nothing for {} s while holding {} queued bytes"
                        + " (bound {} per client, {} for all)";
                Object[] args = {d.channel().remoteAddress(), stalled / 1_000_000_000L, d.heldBytes(), clientQueueBytes,
                        budgetBytes};
                if (limitLog != null) {
                    limitLog.warn(LOG, line, args);
                } else {
                    LOG.warn(line, args);
                }
                total -= d.heldBytes();
                remove(d.channel());
                d.channel().close();
            }
        }
    }

    /**
     * Registers a display connection and queues it the whole current screen.
     *
     * @param ch the connection
     * @return its client state
     */
    public DisplayClient addDisplay(Channel ch) {
        return addDisplay(ch, 0, true);
    }

    /**
     * Registers a display connection of a v2 session whose codecs were negotiated, and queues it the
     * whole screen.
     *
     * @param ch the connection
     * @param features the v2 codec feature bits both sides set
     * @return its client state
     */
    public DisplayClient addDisplay(Channel ch, int features) {
        return addDisplay(ch, features, false);
    }

    /**
     * Registers a display connection and queues it the whole screen.
     *
     * @param ch the connection
     * @param features the v2 codec feature bits both sides set (0 for a v1 client)
     * @param v1 the session negotiated version 1: only v1-drawable orders reach it ({@link V1Orders})
     * @return its client state
     */
    public DisplayClient addDisplay(Channel ch, int features, boolean v1) {
        DisplayClient c = new DisplayClient(ch, mirror, stats, ioEncoder, clientQueueBytes, features, v1, resyncTiles,
                heldTiles);
        displays.put(ch, c);
        memoryTrim.clientJoined();
        c.join();
        return c;
    }

    /**
     * Registers a cursor connection and sends it the current shape.
     *
     * @param ch the connection
     * @return its client state
     */
    public CursorClient addCursor(Channel ch) {
        CursorClient c = new CursorClient(ch, stats);
        cursors.put(ch, c);
        memoryTrim.clientJoined();
        if (cursor != null) {
            c.send(Frames.encode(ch.alloc(), cursor));
        }
        return c;
    }

    /**
     * Forgets a closed connection of any kind and frees what it had queued.
     *
     * @param ch the connection
     */
    public void remove(Channel ch) {
        DisplayClient d = displays.remove(ch);
        if (d != null) {
            d.dispose();
        }
        CursorClient c = cursors.remove(ch);
        if (c != null) {
            c.dispose();
        }
        if (d != null && displays.isEmpty()) {
            resyncTiles.clear(); // nobody left to share them with: give the buffers back to the pool
        }
        if ((d != null || c != null) && displays.isEmpty() && cursors.isEmpty()) {
            memoryTrim.lastClientLeft(ch.eventLoop(), () -> displays.isEmpty() && cursors.isEmpty());
        }
    }


    /** @return the display clients, in join order (a copy) */
    public List<DisplayClient> displays() {
        return new ArrayList<>(displays.values());
    }

    /** @return what the display clients decode (each distinct choice is encoded once per update) */
    public Set<CodecChoice> codecs() {
        Set<CodecChoice> s = new HashSet<>();
        displays.values().forEach(d -> s.add(d.choice()));
        return s;
    }

    /**
     * Whether the mirror's pixels after {@code m} must be captured for some client: a MEM_BLT of a bitmap
     * it lacks, or an order a v1 client does not draw exactly. I/O thread, while dispatching.
     *
     * @param m a drawing message
     * @return true if some display client gets {@code m} as pixels
     */
    public boolean someoneNeedsPixels(DisplayMessage m) {
        for (DisplayClient d : displays.values()) {
            if (d.needsPixels(m)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new pointer shape: remembered for later joiners and sent to every cursor client.
     *
     * @param shape the source's shape
     */
    public void cursor(CursorShape shape) {
        cursor = CursorFitter.fitV1(shape);
        if (cursors.isEmpty()) {
            return;
        }
        ByteBuf frame = Frames.encode(io.netty.buffer.PooledByteBufAllocator.DEFAULT, cursor);
        try {
            cursors.values().forEach(c -> c.send(frame.retainedDuplicate()));
        } finally {
            frame.release();
        }
    }

    /**
     * @param ch a connection whose writability changed
     */
    public void writabilityChanged(Channel ch) {
        DisplayClient d = displays.get(ch);
        if (d != null) {
            d.flush();
        }
        CursorClient c = cursors.get(ch);
        if (c != null) {
            c.flush();
        }
    }

    /** @return true if some display client has a screen cache (its updates then get content keys) */
    public boolean anyScreenCache() {
        for (DisplayClient d : displays.values()) {
            if (d.hasScreenCache()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server is closing: the shared resync tiles go back to the buffer pool (channels still open
     * release their own queues when they close). SvpServer.close, as a task on the I/O thread.
     */
    public void close() {
        resyncTiles.close();
    }

    /** @return how many display clients are connected */
    public int displayCount() {
        return displays.size();
    }
}
