package org.svp.render;

import java.util.Arrays;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;

/**
 * The 256 SAVE_SCREEN slots (protocol.md §4). SAVE_SCREEN keeps a copy of the on-surface part of
 * {@code [p1, p2)} under its ident; RESTORE_SCREEN carries the pixels again and only frees the slot.
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

    /** Saves the surface's part of {@code [p1, p2)} under {@code ident} (0..255), replacing the slot. */
    void save(Surface surface, int ident, Point p1, Point p2) {
        int w = Math.max(0, p2.x() - p1.x());
        int h = Math.max(0, p2.y() - p1.y());
        Rect area = new Rect(p1.x(), p1.y(), w, h).intersect(new Rect(0, 0, surface.width(), surface.height()));
        slots[ident] = new Saved(area, surface.copyRegion(area.x(), area.y(), area.width(), area.height()));
    }

    /** @return the slot's content, or null when empty */
    Saved get(int ident) {
        return slots[ident];
    }

    /** Frees a slot. */
    void free(int ident) {
        slots[ident] = null;
    }

    /** Frees every slot (SCREEN_RESIZE). */
    void clear() {
        Arrays.fill(slots, null);
    }
}
