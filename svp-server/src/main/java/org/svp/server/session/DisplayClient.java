package org.svp.server.session;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.svp.codec.BitmapEncoder;
import org.svp.codec.palette.PaletteCache;
import org.svp.codec.textz.TextzCodec;
import org.svp.codec.textz.TextzEncoder;
import org.svp.codec.zstream.ZstreamCodec;
import org.svp.netty.Frames;
import org.svp.protocol.CodecId;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.server.ServerStats;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.encode.CodecChoice;
import org.svp.server.encode.EncodeManager;
import org.svp.server.encode.HeldTiles;
import org.svp.server.encode.LazyTile;
import org.svp.server.encode.WireFrame;
import org.svp.server.update.EncodedMessage;

/**
 * One display-channel connection: its output queue (seed §2.1 step 5), the bitmaps it holds, and its
 * catch-up state.
 *
 * <p>Frames wait here and go to the socket only while it is writable. When more than
 * {@code queueLimit} bytes wait, the client is "resyncing": its queued drawing is dropped and only the
 * damaged area is remembered; once the queue has drained, that area is sent from the mirror's current
 * pixels. Cache messages and SCREEN_RESIZE are never dropped. A new client starts resyncing the whole
 * screen, which is how late joiners get a full picture. I/O thread only.
 */
public final class DisplayClient {
    /** Resync bitmaps are sent in bands of at most this many raw bytes (well under the 10 MiB limit; small enough to interleave with cache messages). */
    static final int RESYNC_BAND_BYTES = 1 << 20;

    private final Channel channel;
    private final ScreenMirror mirror;
    private final ServerStats stats;
    private final BitmapEncoder ioEncoder;
    private final long queueLimit;
    /** The session negotiated v1: only {@link V1Orders#drawable} orders are sent as they are. */
    private final boolean v1Exact;
    private final ArrayDeque<OutboundEntry> queue = new ArrayDeque<>();
    private final Set<BitmapHash> held = new HashSet<>();
    private final DamageRegion damage = new DamageRegion();
    /**
     * Grid tiles of the current resync round not yet sent ({@link ResyncTiles}); each is encoded from
     * the mirror (or taken from another client's identical request) when sent.
     */
    private final ArrayDeque<Rect> bands = new ArrayDeque<>();
    private final ResyncTiles resyncTiles;
    /** Raw bytes of one band of the current round (grid tiles written together). */
    private long bandBudget = RESYNC_BAND_BYTES;
    private long queuedBytes;
    private boolean resyncing;
    private boolean midUpdate;
    /** {@link System#nanoTime()} when the socket was last seen writable (the drain deadline counts from here). */
    private long lastWritableNanos = System.nanoTime();
    private int preferCodec = CodecId.RAW;
    /** The v2 codec feature bits negotiated on CHANNEL_INIT_V2 (0 for v1 clients); set before {@link #join}. */
    private int features;
    private CodecChoice choice = CodecChoice.V1_RAW;
    /** What this client's palette cache holds, updated as PALETTE frames are written (never when dropped). */
    private final PaletteCache palettes = new PaletteCache();
    private final EncodeManager encodeManager;
    /** Told every key this client's cache holds after a CACHE_SAVE or CACHE_DRAW (the encoders' hint). */
    private final HeldTiles heldTiles;
    /** The bytes of the frame {@link #pendingSave} saves (for {@link #heldTiles}). */
    private int savedFrameBytes;
    /**
     * What this client's screen cache holds (docs/protocol.md "Screen cache"), null until its
     * DISPLAY_CACHE_INIT. Updated when CACHE_SAVE / CACHE_DRAW are written, in wire order, never when
     * queued: frames dropped by a resync never reach the model, so it always equals the client's.
     */
    private org.svp.render.ScreenCache screenCache;
    /** This client's ZSTREAM stream (codec 8), made at its first ZSTREAM frame; I/O thread. */
    private ZstreamCodec.StreamEncoder zstream;
    /** This client's TEXTZ stream (codec 6), used instead of ZSTREAM when negotiated; I/O thread. */
    private TextzEncoder textz;
    /** Frames of a DIRTY_RECT still to drop because a CACHE_DRAW went in their place. */
    private int cacheSkip;
    /** The DIRTY_RECT being written whose CACHE_SAVE follows its last frame, and frames left until then. */
    private OutboundEntry.CacheCandidate pendingSave;
    private int saveAfter;
    /** Congestion control (docs/architecture.md "Congestion control"); off unless FLOW_CONTROL was negotiated. */
    private final org.svp.server.flow.FlowControl flow;

    /**
     * @param channel the display connection
     * @param mirror the server's framebuffer
     * @param stats counters
     * @param ioEncoder the I/O thread's bitmap encoder (for resync and MEM_BLT fallbacks of v1 clients)
     * @param queueLimit bytes queued before coalescing
     * @param features the v2 codec feature bits negotiated for this channel (0 for a v1 client), plus
     *     {@link org.svp.protocol.Feature#FLOW_CONTROL} when flow control was negotiated
     * @param v1Exact true for a client of a v1 session: orders the original client does not draw
     *     exactly reach it as pixels ({@link V1Orders})
     * @param resyncTiles the registry's shared resync encodings (invalidated by the update pipeline)
     * @param heldTiles the registry's hint of cached keys, for the encoders
     */
    DisplayClient(Channel channel, ScreenMirror mirror, ServerStats stats, BitmapEncoder ioEncoder,
                  long queueLimit, int features, boolean v1Exact, ResyncTiles resyncTiles, HeldTiles heldTiles) {
        this.heldTiles = heldTiles;
        this.v1Exact = v1Exact;
        this.resyncTiles = resyncTiles;
        this.flow = (features & org.svp.protocol.Feature.FLOW_CONTROL) != 0 ? org.svp.server.flow.FlowControl.on()
                : org.svp.server.flow.FlowControl.off();
        features &= ~org.svp.protocol.Feature.FLOW_CONTROL; // the rest are codec bits
        this.features = features;
        this.choice = CodecChoice.of(preferCodec, features);
        this.encodeManager = new EncodeManager(stats);
        this.channel = channel;
        this.mirror = mirror;
        this.stats = stats;
        this.ioEncoder = ioEncoder;
        this.queueLimit = queueLimit;
    }

    /**
     * Queues the current screen for a client that just joined: SCREEN_RESIZE, then all pixels. Also used
     * after a SCREEN_RESIZE that reached the mirror without being encoded for the clients.
     */
    public void join() {
        if (flow.ping(channel)) { // the first PING, ahead of any data: it measures the idle link's round trip
            channel.flush();
        }
        if (mirror.width() > 0 && mirror.height() > 0) {
            enqueue(encode(new ScreenResize(mirror.width(), mirror.height())), false, true, null, true);
            resyncing = true;
            damage.add(mirror.bounds());
        }
        flush();
    }

    /**
     * Applies the client's GRAPHIC_CONFIG.
     *
     * @param settings what it asked for
     */
    public void configure(GraphicSettings settings) {
        preferCodec = settings.preferCodec() == CodecId.RAW ? CodecId.RAW : CodecId.LZ4;
        choice = CodecChoice.of(preferCodec, features);
    }

    /** @return what this client decodes (v1 codec and negotiated v2 codecs) */
    public CodecChoice choice() {
        return choice;
    }

    /**
     * @param hash a cached bitmap
     * @return whether this client holds it
     */
    public boolean holds(BitmapHash hash) {
        return held.contains(hash);
    }

    /**
     * Whether this client gets {@code m} as the mirror's pixels instead of the order: a MEM_BLT of a
     * bitmap it lacks (it joined later), or, for a v1 client, an order outside {@link V1Orders#drawable}
     * without an exact v1 equivalent. I/O thread.
     *
     * @param m a drawing message
     * @return true if {@link #deliver} will want the captured pixels for it
     */
    public boolean needsPixels(DisplayMessage m) {
        if (!m.isDrawing()) {
            return false;
        }
        if (v1Exact && !V1Orders.drawable(m) && V1Orders.equivalent(m) == null) {
            return true;
        }
        return m instanceof MemBlt mb && !held.contains(mb.hash());
    }

    /**
     * The client's DISPLAY_CACHE_INIT: from now on DIRTY_RECTs seen before may go as CACHE_DRAW. Once
     * per connection; a new connection (late joiner, reconnect) starts with an empty cache on both ends.
     * I/O thread.
     *
     * @param budget the client's byte budget; 0 = no cache
     * @return false if a cache was already set up (the message is then ignored)
     */
    public boolean startScreenCache(long budget) {
        if (screenCache != null) {
            return false;
        }
        if (budget > 0) {
            screenCache = new org.svp.render.ScreenCache(budget);
        }
        return true;
    }

    /** @return true if this client has a screen cache */
    public boolean hasScreenCache() {
        return screenCache != null;
    }

    /** @return the server's model of the client's screen cache (tests), or null */
    public org.svp.render.ScreenCache screenCache() {
        return screenCache;
    }

    /** @return true if only v1-drawable orders reach this client */
    public boolean v1Exact() {
        return v1Exact;
    }

    /** @return bytes waiting in this client's queue */
    public long queuedBytes() {
        return queuedBytes;
    }

    /** @return bytes this client pins: its queue plus what Netty holds for its socket */
    public long heldBytes() {
        var out = channel.unsafe().outboundBuffer();
        return queuedBytes + (out == null ? 0 : out.totalPendingWriteBytes());
    }

    /** @return whether the queue is over its own bound (coalescing could not keep it under: cache messages) */
    public boolean overQueueLimit() {
        return queuedBytes > queueLimit;
    }

    /** @return nanoseconds since the socket was last writable, 0 while it is */
    public long unwritableForNanos() {
        if (channel.isWritable()) {
            lastWritableNanos = System.nanoTime();
            return 0;
        }
        return System.nanoTime() - lastWritableNanos;
    }

    /**
     * The server-wide queue budget was hit and this is the biggest queue: its drawing becomes damage
     * (the resync path), now rather than at its own bound. I/O thread.
     *
     * @return bytes freed
     */
    public long coalesce() {
        long before = queuedBytes;
        startResync();
        return before - queuedBytes;
    }

    /**
     * Takes one dispatched update. I/O thread.
     *
     * @param d the update, its damage and captured fallbacks
     */
    public void deliver(Dispatch d) {
        var messages = d.update().messages();
        int first = queue.size();
        long backlog = queuedBytes; // what earlier updates left queued
        int clipLeft = 0;
        for (int i = 0; i < messages.size(); i++) {
            EncodedMessage em = messages.get(i);
            DisplayMessage m = em.original();
            boolean drawing = m.isDrawing() || m instanceof ClipDraw;
            boolean clipped = false;
            if (m instanceof ClipDraw c) {
                clipLeft = c.cmdCount();
            } else if (m.isDrawing() && clipLeft > 0) {
                clipped = true; // a clipped DIRTY_RECT leaves other pixels on screen than its own
                clipLeft--;
            }
            switch (m) {
                case ScreenResize r -> {
                    enqueue(em.framesFor(choice).getFirst().retainedDuplicate(), false, true, null, false);
                    if (resyncing) {
                        bands.clear();
                        damage.clear();
                        damage.add(new Rect(0, 0, r.width(), r.height()));
                    }
                }
                case CachedBitmap c -> {
                    List<WireFrame> frames = em.framesFor(choice);
                    held.add(c.hash());
                    if (frames == null) { // a v1 client that joined while only v2 clients' frames were made
                        Bitmap b = ioEncoder.transcode(c.bitmap(), choice.v1Codec());
                        enqueue(encode(new CachedBitmap(c.hash(), b)), false, false, null, false);
                    } else {
                        enqueue(frames.getFirst().retainedDuplicate(), false, false, null, false);
                    }
                }
                case DeletedBitmap del -> {
                    if (held.remove(del.hash())) {
                        enqueue(em.framesFor(choice).getFirst().retainedDuplicate(), false, false, null, false);
                    }
                }
                default -> {
                    if (resyncing) {
                        damage.add(d.damage()[i]);
                    } else if (d.captured()[i] != null && needsPixels(m)) {
                        if (m instanceof MemBlt mb && !held.contains(mb.hash())) {
                            stats.memBltFallbacks.increment();
                        } else {
                            stats.v1Fallbacks.increment();
                        }
                        enqueuePixels(d.capturedArea()[i], d.captured()[i], false);
                    } else if (v1Exact && drawing && !V1Orders.drawable(m) && V1Orders.equivalent(m) != null) {
                        enqueue(encode(V1Orders.equivalent(m)), true, false, d.damage()[i], false);
                    } else {
                        List<WireFrame> frames = em.framesFor(choice);
                        if (frames == null) { // encoded before this client's codecs were known
                            resyncing = true;
                            damage.add(d.damage()[i]);
                        } else {
                            for (WireFrame f : frames) {
                                queue.add(new OutboundEntry(f.retainedDuplicate(), drawing, false, d.damage()[i], false,
                                        clipped ? null : cacheCandidate(f)));
                                queuedBytes += f.queuedBytes();
                            }
                            noteQueueBytes();
                        }
                    }
                }
            }
        }
        markUpdateEnd(first);
        // A queue beyond the bound becomes damage when earlier updates left a backlog of at least half of
        // it (the client is behind: the newest pixels go instead of the queue). One big update on an
        // (almost) empty queue does not: it already is the newest pixels, and its stream bands count raw
        // here (4 bytes a pixel) against a bound in wire bytes, which on a LAN with a CPU-starved client
        // is the floor (the measured rate is app-limited), so a scrolled terminal page alone tripped it
        // and was re-sent as resync tiles (docs/benchmarks.md, seventh stop). Its bytes count from the
        // next update on.
        long bound = flow.queueBound(queueLimit);
        if (!resyncing && queuedBytes > bound && backlog > bound / 2) {
            startResync();
        }
        flush();
    }

    /**
     * Re-sends an area from the mirror (used when an update could not be encoded for this client).
     *
     * @param area the screen area to re-send
     */
    public void resync(Rect area) {
        if (area.isEmpty()) {
            return;
        }
        resyncing = true;
        damage.add(area);
        flush();
    }

    private void markUpdateEnd(int firstOfUpdate) {
        if (queue.size() > firstOfUpdate) {
            OutboundEntry last = queue.pollLast();
            queue.addLast(new OutboundEntry(last.wire(), last.drawing(), last.resize(), last.damage(), true,
                    last.cache()));
        }
    }

    private void startResync() {
        stats.coalesceEvents.increment();
        resyncing = true;
        ArrayDeque<OutboundEntry> kept = new ArrayDeque<>();
        for (OutboundEntry e : queue) {
            if (e.drawing()) {
                damage.add(e.damage());
                queuedBytes -= e.queuedBytes();
                e.wire().release();
            } else {
                if (e.resize()) {
                    damage.add(mirror.bounds());
                }
                kept.add(new OutboundEntry(e.wire(), false, e.resize(), null, true));
            }
        }
        queue.clear();
        queue.addAll(kept);
    }

    /**
     * Writes queued frames while the socket can take them; while resyncing, then sends the damaged area
     * band by band, each captured from the mirror only when the socket can take it (so a resync queues
     * at most one band, not a screen). I/O thread; also called on writability changes.
     */
    public void flush() {
        boolean wrote = false;
        if (channel.isWritable()) {
            lastWritableNanos = System.nanoTime();
        }
        while (true) {
            while (!queue.isEmpty() && (midUpdate || channel.isWritable() && flow.mayWrite(channel))) {
                if (!midUpdate && wrote) {
                    flow.ping(channel); // between updates: acknowledgements several times per window
                }
                OutboundEntry e = queue.poll();
                queuedBytes -= e.queuedBytes();
                midUpdate = !e.updateEnd();
                wrote = true;
                if (cacheSkip > 0) { // the rest of a DIRTY_RECT a CACHE_DRAW replaced
                    cacheSkip--;
                    stats.cacheBytesSaved.add(e.frame().readableBytes());
                    e.wire().release();
                    continue;
                }
                OutboundEntry.CacheCandidate cc = e.cache();
                if (cc != null && screenCache != null && screenCache.holds(cc.key())) { // same key: same size (seeded)
                    screenCache.touch(cc.key());
                    ByteBuf draw = encodeCache(new org.svp.protocol.message.CacheDraw(cc.key(), cc.rect().x(),
                            cc.rect().y()));
                    stats.cacheHits.increment();
                    LazyTile lazy = e.wire().lazy();
                    int full = lazy == null ? e.frame().readableBytes() : lazy.frameBytes();
                    heldTiles.held(cc.key(), full);
                    stats.cacheBytesSaved.add(Math.max(0, full - draw.readableBytes()));
                    e.wire().release();
                    cacheSkip = cc.frames() - 1;
                    write(draw);
                    continue;
                }
                ByteBuf out = choose(e.wire());
                if (cc != null && screenCache != null) {
                    pendingSave = cc;
                    saveAfter = cc.frames();
                    savedFrameBytes = out.readableBytes();
                }
                write(out);
                if (pendingSave != null && --saveAfter == 0) {
                    // the client copies these pixels from its screen, right after drawing them
                    OutboundEntry.CacheCandidate save = pendingSave;
                    pendingSave = null;
                    screenCache.put(save.key(), new org.svp.render.ScreenCache.Entry(save.rect().width(),
                            save.rect().height(), null));
                    ByteBuf saveFrame = encodeCache(new org.svp.protocol.message.CacheSave(save.key(), save.rect()));
                    heldTiles.held(save.key(), savedFrameBytes);
                    stats.cacheSaves.increment();
                    write(saveFrame);
                }
            }
            if (queue.isEmpty() && resyncing && channel.isWritable() && channel.isActive() && flow.mayWrite(channel)
                    && nextBand()) {
                continue;
            }
            break;
        }
        if (!midUpdate && flow.ping(channel)) {
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    private void write(ByteBuf frame) {
        stats.bytesSent.add(frame.readableBytes());
        flow.wrote(frame.readableBytes());
        channel.write(frame, channel.voidPromise());
    }

    /**
     * The client's FLOW_PONG: what it acknowledges leaves the window, so more may go out now. I/O thread.
     *
     * @param pong the answer to one of our FLOW_PINGs
     * @return false if it answers no outstanding PING (or flow control is off): ignored
     */
    public boolean pong(org.svp.protocol.message.FlowPong pong) {
        if (!flow.pong(pong.seq())) {
            return false;
        }
        flush();
        return true;
    }

    /** @return what the server measured about this client's link (throughput, RTT; lossy quality reads it) */
    public org.svp.server.flow.LinkEstimate linkEstimate() {
        return flow.estimate();
    }

    /**
     * Queues the next resync band — grid tiles of at most the band's raw bytes (at least one tile),
     * written together — planning a new round from the damage when the last one is done.
     *
     * @return true if a band was queued; false when the resync is complete
     */
    private boolean nextBand() {
        Rect screen = mirror.bounds();
        if (flow.enabled()) {
            // small areas damaged since this round was planned go next, ahead of the round's big bands:
            // on a slow link a round can take a while, and a typed character must not wait for it
            List<Rect> urgent = new ArrayList<>();
            damage.takeSmall(org.svp.server.flow.FlowControl.URGENT_PIXELS)
                    .forEach(r -> ResyncTiles.cover(r, screen, urgent, null));
            urgent.reversed().forEach(bands::addFirst);
        }
        while (true) {
            if (bands.isEmpty()) {
                if (damage.isEmpty()) {
                    resyncing = false;
                    return false;
                }
                planBands(screen);
                continue;
            }
            long raw = 0;
            int first = queue.size();
            while (!bands.isEmpty() && (raw == 0 || raw + 4L * bands.peek().width() * bands.peek().height() <= bandBudget)) {
                Rect tile = bands.poll().intersect(screen);
                if (!tile.isEmpty()) {
                    raw += 4L * tile.width() * tile.height();
                    enqueueTile(tile);
                }
            }
            if (queue.size() > first) {
                markUpdateEnd(first);
                noteQueueBytes();
                return true;
            }
        }
    }

    /** Plans a round: the damage as grid tiles, each once (small areas first on a slow link). */
    private void planBands(Rect screen) {
        List<Rect> rects = damage.rects();
        if (flow.enabled()) { // on a slow link small areas (a typed character) first: they are the latency users see
            rects = rects.stream().sorted(java.util.Comparator.comparingLong(r -> (long) r.width() * r.height())).toList();
        }
        java.util.BitSet seen = new java.util.BitSet();
        List<Rect> tiles = new ArrayList<>();
        for (Rect r : rects) {
            ResyncTiles.cover(r, screen, tiles, seen);
        }
        bands.addAll(tiles);
        bandBudget = flow.bandBytes(RESYNC_BAND_BYTES); // per round, as the link was when it was planned
        damage.clear();
    }

    /** Queues one grid tile of the mirror, shared with other clients re-sending it ({@link ResyncTiles}). */
    private void enqueueTile(Rect tile) {
        for (WireFrame f : resyncTiles.frames(channel.alloc(), tile, choice, screenCache != null)) {
            queue.add(new OutboundEntry(f, true, false, tile, false, cacheCandidate(f)));
            queuedBytes += f.queuedBytes();
        }
    }

    /**
     * Queues pixels captured from the mirror (a MEM_BLT or v1 fallback): one DIRTY_RECT in the v1
     * codec, or the encode manager's tiles for a v2 client.
     */
    private void enqueuePixels(Rect r, int[] rgb, boolean end) {
        if (!choice.v2()) {
            Bitmap b = ioEncoder.encode(rgb, 0, r.width(), r.x(), r.y(), r.width(), r.height(), choice.v1Codec());
            enqueue(encode(new DirtyRect(b)), true, false, r, end);
            return;
        }
        List<WireFrame> frames = encodeManager.encodeArea(channel.alloc(), rgb, 0, r.width(), r, features,
                screenCache != null);
        for (int i = 0; i < frames.size(); i++) {
            WireFrame f = frames.get(i);
            queue.add(new OutboundEntry(f, true, false, r, end && i == frames.size() - 1, cacheCandidate(f)));
            queuedBytes += f.queuedBytes();
        }
        noteQueueBytes();
    }

    /**
     * Picks the form of a frame as it goes to the socket: a PALETTE tile whose palette this client
     * holds goes as PAL_FROM_CACHE; otherwise the self-contained frame, and its palette is now held.
     * The other form is released. A {@link LazyTile} is compressed now (once for all clients).
     */
    private ByteBuf choose(WireFrame w) {
        if (w.lazy() != null) { // a tile the encoders left for the cache, and this client lacks it
            return w.lazy().frame(channel.alloc());
        }
        if (w.streamRect() != null) {
            return streamFrame(w);
        }
        if (w.cachedFrame() == null) {
            return w.frame();
        }
        if (palettes.holds(w.paletteId(), w.palette())) {
            w.frame().release();
            return w.cachedFrame();
        }
        palettes.put(w.paletteId(), w.palette());
        w.cachedFrame().release();
        return w.frame();
    }

    /**
     * Compresses a stream bitmap with this client's stream, as it goes to the socket (so the stream
     * and TEXTZ's glyph slots hold exactly what this client decoded, in order; frames dropped by a
     * resync never enter them): TEXTZ when the client has it, else ZSTREAM. I/O thread. The RGB24
     * buffer is released.
     */
    private ByteBuf streamFrame(WireFrame w) {
        long t0 = System.nanoTime();
        boolean text = (features & org.svp.protocol.Feature.CODEC_TEXTZ) != 0;
        Rect r = w.streamRect();
        byte[] data;
        try {
            if (text) {
                if (textz == null) {
                    textz = new TextzCodec().newEncoder();
                }
                data = textz.compressPixels(w.frame().nioBuffer(), r.width(), r.height());
            } else {
                if (zstream == null) {
                    zstream = new ZstreamCodec().newEncoder();
                }
                data = zstream.compress(w.frame().nioBuffer());
            }
        } finally {
            w.frame().release();
        }
        int codec = text ? CodecId.TEXTZ : CodecId.ZSTREAM;
        stats.codec(CodecId.name(codec)).add(data.length, System.nanoTime() - t0);
        return encode(new DirtyRect(new Bitmap(org.svp.protocol.PixelFormat.RGB32, codec, r.x(),
                r.y(), r.width(), r.height(), data)));
    }

    private ByteBuf encodeCache(org.svp.protocol.message.ExtensionMessage m) {
        return Frames.encode(channel.alloc(), m);
    }

    private ByteBuf encode(DisplayMessage m) {
        return Frames.encode(channel.alloc(), m);
    }

    private void enqueue(ByteBuf frame, boolean drawing, boolean resize, Rect dmg, boolean end) {
        enqueue(WireFrame.of(frame), drawing, resize, dmg, end);
    }

    /**
     * @return a cache candidate for a DIRTY_RECT frame with a content key (a grid tile or strip of a
     *     picture, from the encode manager) that lies wholly on screen and fits the client's budget, else null
     */
    private OutboundEntry.CacheCandidate cacheCandidate(WireFrame f) {
        Rect r = f.cacheRect();
        if (screenCache == null || f.cacheKey() == 0 || r == null) {
            return null;
        }
        if (!r.equals(r.intersect(mirror.bounds())) || !screenCache.fits(r.width(), r.height())) {
            return null;
        }
        return new OutboundEntry.CacheCandidate(f.cacheKey(), r, 1);
    }

    private void noteQueueBytes() {
        if (queuedBytes > stats.maxClientQueueBytes.get()) {
            stats.maxClientQueueBytes.accumulateAndGet(queuedBytes, Math::max);
        }
    }

    private void enqueue(WireFrame frame, boolean drawing, boolean resize, Rect dmg, boolean end) {
        queue.add(new OutboundEntry(frame, drawing, resize, dmg, end));
        queuedBytes += frame.queuedBytes();
        if (queuedBytes > stats.maxClientQueueBytes.get()) {
            stats.maxClientQueueBytes.accumulateAndGet(queuedBytes, Math::max);
        }
    }

    /** Frees queued frames after the connection closed. I/O thread. */
    public void dispose() {
        queue.forEach(e -> e.wire().release());
        queue.clear();
        queuedBytes = 0;
        if (zstream != null) {
            zstream.close();
            zstream = null;
        }
        if (textz != null) {
            textz.close();
            textz = null;
        }
    }

    /** @return the connection */
    public Channel channel() {
        return channel;
    }
}
