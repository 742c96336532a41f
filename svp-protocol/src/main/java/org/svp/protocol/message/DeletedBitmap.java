package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * DELETED_BITMAP (id 18, 16 bytes): uint8 hash[16]. The receiver forgets that bitmap.
 *
 * @param hash the key to forget
 */
public record DeletedBitmap(BitmapHash hash) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.DELETED_BITMAP;
    }

    @Override
    public boolean isDrawing() {
        return false;
    }
}
