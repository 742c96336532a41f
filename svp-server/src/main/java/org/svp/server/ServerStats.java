package org.svp.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters for benchmarks and logs. Written by the I/O thread and encoder workers, read by anyone.
 */
public final class ServerStats {
    /** Bytes handed to client sockets (all channels). */
    public final LongAdder bytesSent = new LongAdder();
    /** Bytes written to client sockets as they cross the wire (TLS records included), all channels. */
    public final LongAdder wireBytesSent = new LongAdder();
    /** Source updates dispatched to clients. */
    public final LongAdder updatesDispatched = new LongAdder();
    /** Times a display client fell behind and its pending drawing was coalesced. */
    public final LongAdder coalesceEvents = new LongAdder();
    /** MEM_BLTs replaced by pixels because the client lacked the bitmap. */
    public final LongAdder memBltFallbacks = new LongAdder();
    /** Orders a v1 client does not draw exactly, sent to it as pixels instead (docs/protocol.md). */
    public final LongAdder v1Fallbacks = new LongAdder();
    /** Screen cache: DIRTY_RECTs sent as CACHE_DRAW (docs/protocol.md "Screen cache"). */
    public final LongAdder cacheHits = new LongAdder();
    /** Screen cache: CACHE_SAVEs sent. */
    public final LongAdder cacheSaves = new LongAdder();
    /**
     * Screen cache: bytes of DIRTY_RECT frames not sent because a CACHE_DRAW went instead (minus its own);
     * a tile never compressed ({@link #tilesNotCompressed}) counts only once some client needed it.
     */
    public final LongAdder cacheBytesSaved = new LongAdder();
    /**
     * Screen cache: grid tiles handed to the display clients uncompressed because a client's cache
     * probably held them ({@link org.svp.server.encode.HeldTiles}); those a client lacked after all were
     * compressed on the I/O thread.
     */
    public final LongAdder tilesNotCompressed = new LongAdder();
    /** Connections dropped for protocol errors. */
    public final LongAdder protocolDrops = new LongAdder();
    /**
     * Capture-to-wire latency of drawing updates: from the source's capture time (or the submit time
     * when the source gives none) to the hand-off of the update's frames to the client sockets.
     */
    public final LatencyHistogram captureToWire = new LatencyHistogram();
    /** Largest number of bytes any display client had queued. */
    public final AtomicLong maxClientQueueBytes = new AtomicLong();
    /** Connections closed by a limit or timeout (ConnectionGuard, the queue budget). */
    public final LongAdder limitCloses = new LongAdder();
    /** Connections refused at accept by the per-address or total cap. */
    public final LongAdder refusedConnections = new LongAdder();
    /** Display-queue bytes (ours plus Netty's outbound buffers) of all clients, as of the last dispatch. */
    public final AtomicLong queuedBytesTotal = new AtomicLong();
    /** Largest {@link #queuedBytesTotal} seen. */
    public final AtomicLong maxQueuedBytesTotal = new AtomicLong();
    /** Times the server-wide queue budget made the biggest queue coalesce. */
    public final LongAdder budgetCoalesces = new LongAdder();
    /** Resync grid tiles encoded from the mirror (session.ResyncTiles). */
    public final LongAdder resyncTilesEncoded = new LongAdder();
    /** Resync grid tiles handed to another client without encoding again (the same tile, unchanged). */
    public final LongAdder resyncTilesShared = new LongAdder();
    /** Times the server gave memory back after its last client left (limits.MemoryTrim). */
    public final LongAdder memoryTrims = new LongAdder();
    /** Display clients dropped because they could not drain within the deadline. */
    public final LongAdder slowClientDrops = new LongAdder();

    private final ConcurrentHashMap<String, CodecCounter> codecs = new ConcurrentHashMap<>();

    /**
     * The counter of one codec, made on first use. Called by the encoders.
     *
     * @param name the codec's name ({@code RAW}, {@code LZ4}, {@code PALETTE}, {@code QOIZ}, {@code SOLID})
     * @return its counter
     */
    public CodecCounter codec(String name) {
        return codecs.computeIfAbsent(name, n -> new CodecCounter());
    }

    /**
     * Per-codec counters for benchmarks ({@code ./svp bench pipeline}, {@code bench x11} and its JSON).
     *
     * @return codec name → bytes, regions, CPU µs so far, sorted by name; only codecs used so far
     */
    public Map<String, CodecCounter.Snapshot> codecCounters() {
        Map<String, CodecCounter.Snapshot> m = new TreeMap<>();
        codecs.forEach((k, v) -> m.put(k, v.snapshot()));
        return m;
    }
}
