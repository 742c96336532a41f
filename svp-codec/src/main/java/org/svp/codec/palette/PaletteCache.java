package org.svp.codec.palette;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The bounded palette cache of codec PALETTE (protocol.md "Codecs"): at most {@link #CAPACITY}
 * palettes, keyed by their 32-bit id; a PAL_CACHE_ME insert of a new id evicts the oldest insert when
 * full, an insert of a held id replaces its colours in place. The client's decoder and the server's
 * per-client tracker run this same deterministic rule on the same sequence of inserts (the frames
 * actually written to that client, in order), so the server always knows what the client holds.
 *
 * <p>A new connection starts empty (late joiners, reconnects); the server's tracker updates only when
 * a frame is written to the socket, so frames dropped by a resync never desynchronise the two.
 * Confined to one thread (the client's display thread, or the server's I/O thread).
 */
public final class PaletteCache {
    /** Palettes held: 256 × at most 256 colours × 4 bytes = 256 KiB at most on each end. */
    public static final int CAPACITY = 256;

    private final Map<Integer, int[]> palettes = new HashMap<>();
    private final ArrayDeque<Integer> order = new ArrayDeque<>();

    /** Creates an empty cache. */
    public PaletteCache() {
    }

    /**
     * @param id a palette id
     * @return its colours, or null when not held
     */
    public int[] get(int id) {
        return palettes.get(id);
    }

    /**
     * @param id a palette id
     * @param colours the colours it must have
     * @return whether exactly that palette is held under that id
     */
    public boolean holds(int id, int[] colours) {
        int[] p = palettes.get(id);
        return p != null && Arrays.equals(p, colours);
    }

    /**
     * Stores a palette (PAL_CACHE_ME).
     *
     * @param id its id
     * @param colours its colours (kept, not copied)
     */
    public void put(int id, int[] colours) {
        if (palettes.put(id, colours) == null) {
            order.addLast(id);
            if (order.size() > CAPACITY) {
                palettes.remove(order.pollFirst());
            }
        }
    }

    /** @return palettes held */
    public int size() {
        return palettes.size();
    }
}
