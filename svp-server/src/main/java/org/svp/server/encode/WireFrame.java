package org.svp.server.encode;

import io.netty.buffer.ByteBuf;

/**
 * One encoded display message ready for the socket. A PALETTE bitmap has two forms: {@code frame} with
 * its palette (PAL_CACHE_ME) and {@code cachedFrame} referring to palette {@code paletteId}
 * (PAL_FROM_CACHE); the display client picks one when it writes the frame, from what that client's
 * palette cache holds at that moment.
 *
 * @param frame the self-contained frame
 * @param cachedFrame the frame that needs the palette cached, or null
 * @param paletteId the palette's id (when {@code cachedFrame} is set)
 * @param palette the palette's colours (when {@code cachedFrame} is set)
 */
public record WireFrame(ByteBuf frame, ByteBuf cachedFrame, int paletteId, int[] palette) {
    /**
     * @param frame a frame without variants
     * @return the wire frame
     */
    public static WireFrame of(ByteBuf frame) {
        return new WireFrame(frame, null, 0, null);
    }

    /** @return this frame with retained duplicates of its buffers (for one client) */
    public WireFrame retainedDuplicate() {
        return new WireFrame(frame.retainedDuplicate(), cachedFrame == null ? null : cachedFrame.retainedDuplicate(),
                paletteId, palette);
    }

    /** Releases both buffers. */
    public void release() {
        frame.release();
        if (cachedFrame != null) {
            cachedFrame.release();
        }
    }
}
