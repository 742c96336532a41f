package org.svp.server.encode;

import io.netty.buffer.ByteBuf;
import org.svp.protocol.Rect;

/**
 * One encoded display message ready for the socket. A PALETTE bitmap has two forms: {@code frame} with
 * its palette (PAL_CACHE_ME) and {@code cachedFrame} referring to palette {@code paletteId}
 * (PAL_FROM_CACHE); the display client picks one when it writes the frame, from what that client's
 * palette cache holds at that moment. A DIRTY_RECT of one whole grid tile carries its screen-cache
 * content key: the display client sends CACHE_DRAW instead when its client holds the key, else the
 * frame and a CACHE_SAVE of {@code cacheRect} (docs/protocol.md "Screen cache").
 *
 * @param frame the self-contained frame
 * @param cachedFrame the frame that needs the palette cached, or null
 * @param paletteId the palette's id (when {@code cachedFrame} is set)
 * @param palette the palette's colours (when {@code cachedFrame} is set)
 * @param cacheKey the DIRTY_RECT's content key, 0 = not for the screen cache
 * @param cacheRect the DIRTY_RECT's screen rect (when {@code cacheKey} is set), else null
 * @param streamRect for a ZSTREAM bitmap still to be compressed ({@link #stream}), its screen rect; else null
 * @param lazy for a keyed tile not compressed yet ({@link #lazy(LazyTile, long)}), the tile; else null
 */
public record WireFrame(ByteBuf frame, ByteBuf cachedFrame, int paletteId, int[] palette, long cacheKey, Rect cacheRect,
        Rect streamRect, LazyTile lazy) {
    /** A frame without a content key (PALETTE's two forms, or one form with null/0). */
    public WireFrame(ByteBuf frame, ByteBuf cachedFrame, int paletteId, int[] palette) {
        this(frame, cachedFrame, paletteId, palette, 0, null, null, null);
    }

    /**
     * A ZSTREAM bitmap not yet compressed: each display client compresses it with its own stream when it
     * writes it (the stream's state is per connection and follows what was written).
     *
     * @param rgb24 the bitmap's RGB24 bytes, in a direct buffer (stands in for the frame: its size is
     *     what a client's queue accounts)
     * @param rect the bitmap's screen rect
     * @return the wire frame
     */
    public static WireFrame stream(ByteBuf rgb24, Rect rect) {
        return new WireFrame(rgb24, null, 0, null, 0, null, rect, null);
    }

    /**
     * @param frame a frame without variants
     * @return the wire frame
     */
    public static WireFrame of(ByteBuf frame) {
        return new WireFrame(frame, null, 0, null);
    }

    /**
     * @param frame a DIRTY_RECT frame
     * @param key its content key (not 0)
     * @param rect its screen rect
     * @return the wire frame the screen cache may replace or keep
     */
    public static WireFrame keyed(ByteBuf frame, long key, Rect rect) {
        return new WireFrame(frame, null, 0, null, key, rect, null, null);
    }

    /**
     * A keyed grid tile that a client's cache probably holds ({@link HeldTiles}), not compressed: the
     * display client sends a CACHE_DRAW when its client holds the key, else has the tile compressed
     * (once, shared by every client that needs it) and sends that. {@code frame} is an empty buffer,
     * so queues account the tile as nothing until then.
     *
     * @param tile the tile's pixels and where it goes
     * @param key its content key (not 0)
     * @return the wire frame
     */
    public static WireFrame lazy(LazyTile tile, long key) {
        return new WireFrame(io.netty.buffer.Unpooled.EMPTY_BUFFER, null, 0, null, key, tile.rect(), null, tile);
    }

    /**
     * @return what a client's queue accounts for this frame: its bytes, or for a {@link LazyTile} the
     *     4 bytes a pixel its pixels hold on the heap until it is written (so a client that stops reading
     *     still reaches its queue bound and is coalesced, whatever the encoders left uncompressed)
     */
    public int queuedBytes() {
        return lazy == null ? frame.readableBytes() : 4 * lazy.rect().width() * lazy.rect().height();
    }

    /** @return this frame with retained duplicates of its buffers (for one client) */
    public WireFrame retainedDuplicate() {
        return new WireFrame(frame.retainedDuplicate(), cachedFrame == null ? null : cachedFrame.retainedDuplicate(),
                paletteId, palette, cacheKey, cacheRect, streamRect, lazy);
    }

    /** Releases both buffers. */
    public void release() {
        frame.release();
        if (cachedFrame != null) {
            cachedFrame.release();
        }
    }
}
