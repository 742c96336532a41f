package org.svp.server.encode;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A hint shared by the encoder workers and the I/O thread: screen-cache keys that some display client's
 * cache was last seen to hold (a CACHE_SAVE or CACHE_DRAW of the key was written to it). A grid tile
 * whose key is here is probably sent as a CACHE_DRAW, so the encode manager does not compress it on
 * the worker but hands it over as a {@link LazyTile}: compressed on the I/O thread only for a client
 * that turns out not to hold it (its cache evicted the key, or it has none). On the shared workload's
 * slideshow 60 % of the MEDZ bytes the workers made were thrown away for CACHE_DRAWs before this.
 *
 * <p>A fixed direct-mapped table of {@value #SLOTS} keys (the keys are hashes already): a newer key
 * takes its slot, an evicted key stays until then. Either mistake only moves one encoding between
 * threads; neither changes what a client receives. Lock-free: written on the I/O thread, read on the
 * workers.
 */
public final class HeldTiles {
    /** Table slots: 4× the tiles of a 64 MiB client cache (16 KiB per 64×64 tile). */
    static final int SLOTS = 1 << 14;
    private final AtomicLongArray keys = new AtomicLongArray(SLOTS);
    /**
     * Per slot, the bytes of the tile's frame when it was sent: what a CACHE_DRAW of a tile never
     * compressed saved ({@code ServerStats.cacheBytesSaved}). Written after the key, so a reader may pair
     * a key with its slot's previous size: an estimate either way.
     */
    private final AtomicIntegerArray bytes = new AtomicIntegerArray(SLOTS);

    /**
     * A client's cache holds {@code key} now. I/O thread.
     *
     * @param key a screen-cache key (not 0)
     * @param frameBytes the bytes of the tile's DIRTY_RECT frame when it was sent (0: not known)
     */
    public void held(long key, int frameBytes) {
        int slot = slot(key);
        keys.setRelease(slot, key);
        if (frameBytes > 0) {
            bytes.setRelease(slot, frameBytes);
        }
    }

    /**
     * @param key a screen-cache key (not 0)
     * @return the bytes its tile's frame took when it was sent, if {@code key} is still in its slot, else 0
     */
    public int frameBytes(long key) {
        int slot = slot(key);
        int b = bytes.getAcquire(slot);
        return keys.getAcquire(slot) == key ? b : 0;
    }

    /**
     * @param key a screen-cache key (not 0)
     * @return whether a client's cache was last seen holding it; encoder workers
     */
    public boolean probablyHeld(long key) {
        return keys.getAcquire(slot(key)) == key;
    }

    private static int slot(long key) {
        return (int) (key ^ key >>> 29) & (SLOTS - 1);
    }
}
