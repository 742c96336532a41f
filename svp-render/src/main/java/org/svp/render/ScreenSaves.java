package org.svp.render;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;

/**
 * The 256 SAVE_SCREEN slots (protocol.md §4). SAVE_SCREEN keeps a copy of the on-surface part of
 * {@code [p1, p2)} under its ident; RESTORE_SCREEN carries the pixels again and only frees the slot.
 * The slots hold at most {@code maxBytes} together (256 screen copies would be gigabytes): the oldest
 * saves are evicted first, and an area larger than the bound is not kept at all. Nothing reads a save
 * back (RESTORE_SCREEN brings its own pixels), so eviction changes no picture.
 * Owned by an {@link OrderRenderer}, used on its thread.
 */
final class ScreenSaves {
    /** Number of slots: ident is a uint8. */
    static final int SLOTS = 256;

    /**
     * One saved area.
     *
     * @param area
     *     the saved rect, clipped to the surface at save time
     * @param pixels
     *     its pixels, row-major
     */
    record Saved(Rect area, int[] pixels) {
    }

    private final Saved[] slots = new Saved[SLOTS];
    /** Occupied slots, oldest save first. */
    private final ArrayDeque<Integer> order = new ArrayDeque<>();
    private final long maxBytes;
    private long bytes;
    private long evictions;

    /** @param maxBytes bytes (4 per pixel) all slots hold together */
    ScreenSaves(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Saves the surface's part of {@code [p1, p2)} under {@code ident} (0..255), replacing the slot. */
    void save(Surface surface, int ident, Point p1, Point p2) {
        long w = Math.max(0L, (long) p2.x() - p1.x());
        long h = Math.max(0L, (long) p2.y() - p1.y());
        Rect area = new Rect(p1.x(), p1.y(), (int) Math.min(w, Integer.MAX_VALUE), (int) Math.min(h, Integer.MAX_VALUE))
                .intersect(new Rect(0, 0, surface.width(), surface.height()));
        free(ident);
        long need = 4L * area.width() * area.height();
        if (need > maxBytes) {
            evictions++;
            return;
        }
        while (bytes + need > maxBytes && !order.isEmpty()) {
            free(order.peekFirst());
            evictions++;
        }
        slots[ident] = new Saved(area, surface.copyRegion(area.x(), area.y(), area.width(), area.height()));
        order.addLast(ident);
        bytes += need;
    }

    /** @return bytes held by all slots */
    long bytes() {
        return bytes;
    }

    /** @return saves evicted (or not kept) to stay within the bound */
    long evictions() {
        return evictions;
    }

    /** @return the slot's content, or null when empty */
    Saved get(int ident) {
        return slots[ident];
    }

    /** Frees a slot. */
    void free(int ident) {
        Saved s = slots[ident];
        if (s != null) {
            bytes -= 4L * s.pixels().length;
            slots[ident] = null;
            order.remove(ident);
        }
    }

    /** Frees every slot (SCREEN_RESIZE). */
    void clear() {
        Arrays.fill(slots, null);
        order.clear();
        bytes = 0;
    }
}
