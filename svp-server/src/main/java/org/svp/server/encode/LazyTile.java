package org.svp.server.encode;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.svp.netty.Frames;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;

/**
 * A keyed grid tile the encode manager did not compress because a client's cache probably holds it
 * ({@link HeldTiles}; carried by {@link WireFrame#lazy}). Every display client that gets the update
 * shares this object: a client holding the key sends a CACHE_DRAW and never touches it; the first one
 * that does not (its cache evicted the key, or it has no cache) has it compressed here, as the
 * worker would have, and later ones reuse that. Made on an encoder worker, then used on the I/O thread
 * only (no locks).
 */
public final class LazyTile {
    private final EncodeManager manager;
    private final int[] pixels;
    private final Rect rect;
    private final int features;
    /** What the tile's frame took when it was last sent ({@link HeldTiles#frameBytes}), 0 if not known. */
    private final int sentBytes;
    /** The compressed tile, once a client needed it. I/O thread. */
    private Bitmap coded;

    /**
     * @param manager compresses the tile when needed (its counters count it then)
     * @param pixels a copy of the tile's pixels, {@code rect.width()} ints per row
     * @param rect where it goes on the screen
     * @param features the codec bits of the clients it was made for
     * @param sentBytes what the tile's frame took when it was last sent, 0 if not known
     */
    LazyTile(EncodeManager manager, int[] pixels, Rect rect, int features, int sentBytes) {
        this.sentBytes = sentBytes;
        this.manager = manager;
        this.pixels = pixels;
        this.rect = rect;
        this.features = features;
    }

    /** @return where the tile goes on the screen */
    public Rect rect() {
        return rect;
    }

    /**
     * The tile's DIRTY_RECT for one client, compressing it on the first call. I/O thread.
     *
     * @param alloc the client's allocator
     * @return a new frame, owned by the caller
     */
    public ByteBuf frame(ByteBufAllocator alloc) {
        if (coded == null) {
            coded = manager.photoTileBitmap(pixels, 0, rect.width(), rect.x(), rect.y(), rect.width(), rect.height(),
                    features);
        }
        return Frames.encode(alloc, new DirtyRect(coded));
    }

    /** @return bytes of the compressed tile, or 0 while no client has needed it. I/O thread */
    public int codedBytes() {
        return coded == null ? 0 : coded.data().length;
    }

    /**
     * @return the bytes of the tile's frame: as compressed here once a client needed it, else as it was
     *     last sent (what a CACHE_DRAW saves), 0 if neither is known. I/O thread
     */
    public int frameBytes() {
        return coded == null ? sentBytes : Frames.frameLength(new DirtyRect(coded));
    }
}
