package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * DISPLAY_CACHE_INIT (id 110, v2, client → server on the display channel, 4 bytes): u32 budget. The
 * client's screen-cache size in bytes (4 per pixel of every entry), sent once right after a
 * CHANNEL_READY that granted {@link org.svp.protocol.Feature#BITMAP_CACHE}; 0 turns the cache off. The
 * client chooses it, as SPICE's DISPLAY_INIT does (seeds/002). docs/protocol.md "Screen cache".
 *
 * @param budgetBytes 0..2^32-1
 */
public record DisplayCacheInit(long budgetBytes) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 4;

    @Override
    public Command command() {
        return Command.DISPLAY_CACHE_INIT;
    }
}
