package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CACHE_DRAW (id 112, v2, server → client on the display channel, 12 bytes): u64 key, i16 x, i16 y.
 * Draws the cache entry {@code key} with its top-left corner at (x, y) and makes it the most recently
 * used. Sent only for keys the server knows the client holds. docs/protocol.md "Screen cache".
 *
 * @param key a key of an earlier CACHE_SAVE
 * @param x destination left
 * @param y destination top
 */
public record CacheDraw(long key, int x, int y) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 12;

    @Override
    public Command command() {
        return Command.CACHE_DRAW;
    }
}
