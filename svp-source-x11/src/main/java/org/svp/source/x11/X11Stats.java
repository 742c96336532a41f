package org.svp.source.x11;

import java.util.concurrent.atomic.LongAdder;

/** Counters of an X11 source. Written by "svp-x11", read by anyone (tests, benchmarks). */
public final class X11Stats {
    /** Captures that read pixels. */
    public final LongAdder captures = new LongAdder();
    /** XShmGetImage requests (a capture reads its damage in one or more batches). */
    public final LongAdder reads = new LongAdder();
    /** Pixels those requests asked the X server for. */
    public final LongAdder readPixels = new LongAdder();
    /** Damage events seen. */
    public final LongAdder damageEvents = new LongAdder();
    /** SCREEN_BLT orders sent (scrolling and window moves). */
    public final LongAdder screenBlts = new LongAdder();
    /** Of those, window moves. */
    public final LongAdder windowMoves = new LongAdder();
    /** SOLID_RECT orders sent. */
    public final LongAdder solidRects = new LongAdder();
    /** DIRTY_RECT orders sent. */
    public final LongAdder dirtyRects = new LongAdder();
    /** Pixels in DIRTY_RECTs. */
    public final LongAdder dirtyPixels = new LongAdder();
    /** Cursor shapes sent. */
    public final LongAdder cursors = new LongAdder();
    /** Screen size changes. */
    public final LongAdder resizes = new LongAdder();
    /** Whole-screen reads of a screen that had been still ({@code CaptureLoop}'s still check). */
    public final LongAdder stillChecks = new LongAdder();
    /** Orders those reads produced: pixels the damage-driven captures had missed (should stay 0). */
    public final LongAdder stillCorrections = new LongAdder();
}
