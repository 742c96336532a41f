package org.svp.server.session;

import io.netty.buffer.ByteBuf;
import org.svp.server.encode.WireFrame;
import org.svp.protocol.Rect;

/**
 * A frame waiting in a display client's queue.
 *
 * @param wire the frame (with its PAL_FROM_CACHE variant, if any) the encoded message (retained for this client)
 * @param drawing true if dropping it loses pixels (a drawing order or CLIP_DRAW); false for cache
 *     management and SCREEN_RESIZE, which are never dropped
 * @param resize true for SCREEN_RESIZE
 * @param damage what the message changed on screen (for coalescing)
 * @param updateEnd true on the last frame of a source update (frames of one update are written to
 *     the socket together, so a CLIP_DRAW run is never split by coalescing)
 * @param cache on the first frame of a DIRTY_RECT the screen cache may replace or keep: its key, rect
 *     and how many frames (tiles) it has; decided when written ({@link DisplayClient#flush}); else null
 */
record OutboundEntry(WireFrame wire, boolean drawing, boolean resize, Rect damage, boolean updateEnd,
        CacheCandidate cache) {
    /**
     * A DIRTY_RECT the screen cache may handle.
     *
     * @param key its content key
     * @param rect its screen rect (inside the screen)
     * @param frames its frames in the queue, this one first
     */
    record CacheCandidate(long key, Rect rect, int frames) {
    }

    OutboundEntry(WireFrame wire, boolean drawing, boolean resize, Rect damage, boolean updateEnd) {
        this(wire, drawing, resize, damage, updateEnd, null);
    }

    /** @return the self-contained frame */
    ByteBuf frame() {
        return wire.frame();
    }

    /** @return what the queue accounts for it ({@link WireFrame#queuedBytes()}) */
    int queuedBytes() {
        return wire.queuedBytes();
    }
}
