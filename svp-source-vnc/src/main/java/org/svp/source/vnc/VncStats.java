package org.svp.source.vnc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of the VNC source, written on "svp-vnc", read anywhere (svp bench vnc, tests). */
public final class VncStats {
    /** Bytes received from the upstream, hand-shake included. */
    public final LongAdder bytesReceived = new LongAdder();
    /** FramebufferUpdates decoded. */
    public final LongAdder updates = new LongAdder();
    /** Pixel rectangles handed to SVP (DIRTY_RECT before banding). */
    public final LongAdder pixelRects = new LongAdder();
    /** CopyRects handed to SVP as SCREEN_BLT. */
    public final LongAdder copyRects = new LongAdder();
    /** Client key events sent upstream. */
    public final LongAdder keyEvents = new LongAdder();
    /** Of those, sent as QEMU Extended Key Events (scancodes). */
    public final LongAdder qemuKeyEvents = new LongAdder();
    /** Connections made after the first one. */
    public final LongAdder reconnects = new LongAdder();
    private final Map<Integer, LongAdder> byEncoding = new ConcurrentHashMap<>();

    /**
     * @param encoding an RFB encoding number
     * @return pixel rectangles received in that encoding
     */
    public LongAdder rects(int encoding) {
        return byEncoding.computeIfAbsent(encoding, e -> new LongAdder());
    }
}
