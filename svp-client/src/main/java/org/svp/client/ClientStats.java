package org.svp.client;

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
    /** Nanoseconds spent decoding and rendering display messages. */
    public final LongAdder renderNanos = new LongAdder();
    /** Cursor shapes received. */
    public final LongAdder cursorShapes = new LongAdder();
}
