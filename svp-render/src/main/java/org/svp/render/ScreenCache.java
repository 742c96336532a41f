package org.svp.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The screen cache of docs/protocol.md "Screen cache": entries keyed by a 64-bit content key, each
 * {@code w × h × 4} bytes against a byte budget the client chose, least recently used evicted first.
 * The client keeps pixels; the server keeps the same structure without pixels, one per display
 * client, and applies exactly the same operations in exactly the wire order (CACHE_SAVE = {@link #put},
 * CACHE_DRAW = {@link #touch}), so both make the same eviction decisions and never need an
 * acknowledgement. Not thread-safe: one owner thread (the client's display thread, the server's I/O
 * thread).
 */
public final class ScreenCache {
    /** One entry: its size and, on the client, its pixels (0x00RRGGBB, row-major). */
    public record Entry(int width, int height, int[] pixels) {
        long bytes() {
            return 4L * width * height;
        }
    }

    private final long budget;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long used;
    private long evictions;

    /** @param budget bytes the entries may take together (4 per pixel) */
    public ScreenCache(long budget) {
        this.budget = Math.max(0, budget);
    }

    /**
     * @param width entry width
     * @param height entry height
     * @return true if an entry of this size fits the budget at all
     */
    public boolean fits(int width, int height) {
        return width > 0 && height > 0 && 4L * width * height <= budget;
    }

    /**
     * Stores an entry (CACHE_SAVE), evicting the least recently used ones until it fits; an entry that
     * does not fit the budget at all, or a key already held, changes nothing but the key's recency.
     *
     * @param key content key
     * @param entry size and pixels (null pixels on the server)
     */
    public void put(long key, Entry entry) {
        if (entries.get(key) != null || !fits(entry.width(), entry.height())) {
            return;
        }
        Iterator<Map.Entry<Long, Entry>> it = entries.entrySet().iterator();
        while (used + entry.bytes() > budget && it.hasNext()) {
            used -= it.next().getValue().bytes();
            it.remove();
            evictions++;
        }
        entries.put(key, entry);
        used += entry.bytes();
    }

    /**
     * Looks an entry up and makes it the most recently used (CACHE_DRAW).
     *
     * @param key content key
     * @return the entry, or null if it is not held
     */
    public Entry touch(long key) {
        return entries.get(key);
    }

    /**
     * @param key content key
     * @return true if held; does not change recency
     */
    public boolean holds(long key) {
        return entries.containsKey(key);
    }

    /** @return bytes the entries take (never more than the budget) */
    public long used() {
        return used;
    }

    /** @return the budget */
    public long budget() {
        return budget;
    }

    /** @return entries held */
    public int size() {
        return entries.size();
    }

    /** @return entries evicted so far */
    public long evictions() {
        return evictions;
    }

    /** @return the keys from least to most recently used (for tests comparing both ends) */
    public long[] keysInLruOrder() {
        return entries.keySet().stream().mapToLong(Long::longValue).toArray();
    }
}
