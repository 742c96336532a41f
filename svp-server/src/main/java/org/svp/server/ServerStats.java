package org.svp.server;

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
    /** Display clients dropped because they could not drain within the deadline. */
    public final LongAdder slowClientDrops = new LongAdder();
}
