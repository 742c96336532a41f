package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * CACHE_SAVE (id 111, v2, server → client on the display channel, 16 bytes): u64 key, i16 x, i16 y,
 * u16 w, u16 h. "Keep the pixels of this screen rect, as they are now, under {@code key}": the client
 * copies them from its own framebuffer (the DIRTY_RECT that drew them came just before), evicting its
 * least recently used entries until the new one fits its budget. Draws nothing. docs/protocol.md
 * "Screen cache".
 *
 * @param key the content key (64-bit hash of the pixels)
 * @param rect the screen rect, inside the screen
 */
public record CacheSave(long key, Rect rect) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 16;

    @Override
    public Command command() {
        return Command.CACHE_SAVE;
    }
}
