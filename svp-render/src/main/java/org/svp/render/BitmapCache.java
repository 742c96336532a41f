package org.svp.render;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.svp.protocol.message.BitmapHash;

/**
 * Decoded bitmaps by their 16-byte hash (CACHED_BITMAP stores, MEM_BLT reads, DELETED_BITMAP forgets;
 * protocol.md §4). v1 servers track what each client holds and delete what they evict, but a hostile
 * one need not: the cache holds at most {@code maxEntries} bitmaps and {@code maxBytes} decoded bytes
 * and evicts the least recently used beyond that (a later MEM_BLT of it draws nothing and is counted
 * by the renderer).
 *
 * <p>Owned by the renderer's thread; not thread-safe.
 */
public final class BitmapCache {
    /**
     * One cached bitmap.
     *
     * @param pixels
     *     {@code width × height} pixels {@code 0x00RRGGBB}, row-major; owned by the cache, not to be changed
     * @param width
     *     columns
     * @param height
     *     rows
     */
    public record Entry(int[] pixels, int width, int height) {
        /**
         * @throws IllegalArgumentException
         *     when the array does not hold {@code width × height} pixels
         */
        public Entry {
            if (width < 0 || height < 0 || pixels.length != (long) width * height) {
                throw new IllegalArgumentException(
                        "a " + width + "x" + height + " bitmap needs " + (long) width * height + " pixels");
            }
        }
    }

    private final Map<BitmapHash, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final int maxEntries;
    private final long maxBytes;
    private long bytes;
    private long evictions;

    /** Creates an empty, unbounded cache. */
    public BitmapCache() {
        this(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * @param maxEntries bitmaps held before the least recently used is evicted
     * @param maxBytes decoded bytes (4 per pixel) held before evicting
     */
    public BitmapCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * Stores or replaces a bitmap.
     *
     * @param hash
     *     its key
     * @param pixels
     *     {@code width × height} pixels (kept, not copied)
     * @param width
     *     columns
     * @param height
     *     rows
     */
    public void put(BitmapHash hash, int[] pixels, int width, int height) {
        Entry old = entries.put(hash, new Entry(pixels, width, height));
        bytes += 4L * pixels.length - (old == null ? 0 : 4L * old.pixels().length);
        Iterator<Entry> eldest = entries.values().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= 4L * eldest.next().pixels().length;
            eldest.remove();
            evictions++;
        }
    }

    /** @return decoded bytes held */
    public long bytes() {
        return bytes;
    }

    /** @return bitmaps evicted to stay within the bounds */
    public long evictions() {
        return evictions;
    }

    /**
     * @param hash
     *     a key
     * @return the bitmap, or null when it is not cached
     */
    public Entry get(BitmapHash hash) {
        return entries.get(hash);
    }

    /**
     * @param hash
     *     a key
     * @return true when it was cached
     */
    public boolean remove(BitmapHash hash) {
        Entry e = entries.remove(hash);
        if (e != null) {
            bytes -= 4L * e.pixels().length;
        }
        return e != null;
    }

    /**
     * @param hash
     *     a key
     * @return true when it is cached
     */
    public boolean contains(BitmapHash hash) {
        return entries.containsKey(hash);
    }

    /** @return the number of cached bitmaps */
    public int size() {
        return entries.size();
    }

    /** Forgets everything. */
    public void clear() {
        entries.clear();
        bytes = 0;
    }
}
