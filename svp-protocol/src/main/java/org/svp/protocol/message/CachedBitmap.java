package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CACHED_BITMAP (id 17, 32+n bytes): uint8 hash[16], pac_bitmap + data. Stored, not drawn.
 *
 * @param hash the key MEM_BLT and DELETED_BITMAP use
 * @param bitmap the pixels (its x, y are passed through and mean nothing)
 */
public record CachedBitmap(BitmapHash hash, Bitmap bitmap) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.CACHED_BITMAP;
    }

    @Override
    public boolean isDrawing() {
        return false;
    }
}
