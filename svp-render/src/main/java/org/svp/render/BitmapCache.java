package org.svp.render;

import java.util.HashMap;
import java.util.Map;
import org.svp.protocol.message.BitmapHash;

/**
 * Decoded bitmaps by their 16-byte hash (CACHED_BITMAP stores, MEM_BLT reads, DELETED_BITMAP forgets;
 * protocol.md §4). Unbounded: v1 servers track what each client holds and delete what they evict.
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

    private final Map<BitmapHash, Entry> entries = new HashMap<>();

    /** Creates an empty cache. */
    public BitmapCache() {
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
        entries.put(hash, new Entry(pixels, width, height));
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
        return entries.remove(hash) != null;
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
    }
}
