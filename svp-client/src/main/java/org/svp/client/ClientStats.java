package org.svp.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one client connection. Written by channel threads, read by anyone. */
public final class ClientStats {
    /** Bytes received on the display channel (headers included). */
    public final LongAdder displayBytes = new LongAdder();
    /** Display messages rendered. */
    public final LongAdder displayMessages = new LongAdder();
    /** DIRTY_RECT messages rendered (a full-screen stream has one per frame). */
    public final LongAdder dirtyRects = new LongAdder();
    /** Pixels covered by DIRTY_RECTs (divided by the screen area: full-screen frames received). */
    public final LongAdder dirtyPixels = new LongAdder();
    /**
     * Pixels covered by DIRTY_RECTs and SOLID_RECTs: a v2 client gets a full-screen bitmap as tiles
     * and solid rectangles, so this, divided by the screen area, counts full-screen frames in both.
     */
    public final LongAdder paintedPixels = new LongAdder();
    /** Nanoseconds spent decoding and rendering display messages. */
    public final LongAdder renderNanos = new LongAdder();
    /** Bytes received on the cursor channel (headers included). */
    public final LongAdder cursorBytes = new LongAdder();
    /** Bytes sent on the input and display channels after the hand-shake (headers included). */
    public final LongAdder bytesSent = new LongAdder();
    /** Codec id of the newest DIRTY_RECT bitmap ({@link org.svp.protocol.CodecId}), -1 before the first. */
    public final AtomicInteger lastCodec = new AtomicInteger(-1);
    /** Cursor shapes received. */
    public final LongAdder cursorShapes = new LongAdder();
}
