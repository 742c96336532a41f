package org.svp.client;

import java.util.BitSet;
import org.svp.protocol.Rect;

/**
 * Which pixels of the screen have been drawn since its last SCREEN_RESIZE, so that a snapshot is not
 * taken of a screen that is still black where the server's first full picture has not arrived yet
 * (a new client gets SCREEN_RESIZE and then the whole screen in bands). Once every pixel has been
 * drawn the bit set is dropped, so the cost (one bit per pixel, a popcount per drawing message) is
 * paid only for the first picture. Used by {@link RemoteScreen} under its monitor (display channel
 * thread), not thread-safe on its own.
 */
final class ScreenCoverage {
    private int width;
    private int height;
    private BitSet drawn;
    private boolean full;

    /**
     * Starts over for a screen of a new size: nothing is drawn.
     *
     * @param width columns
     * @param height rows
     */
    void reset(int width, int height) {
        this.width = width;
        this.height = height;
        this.full = width == 0 || height == 0;
        this.drawn = full ? null : new BitSet(width * height);
    }

    /**
     * Marks a drawn area.
     *
     * @param area what a message changed (clipped to the screen here)
     */
    void drawn(Rect area) {
        if (full || drawn == null) {
            return;
        }
        int x0 = Math.max(0, area.x());
        int y0 = Math.max(0, area.y());
        int x1 = Math.min(width, area.right());
        int y1 = Math.min(height, area.bottom());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        for (int y = y0; y < y1; y++) {
            drawn.set(y * width + x0, y * width + x1);
        }
        if (drawn.cardinality() == width * height) {
            full = true;
            drawn = null;
        }
    }

    /** @return whether any pixel has been drawn since the last reset (true once full) */
    boolean any() {
        return full || (drawn != null && !drawn.isEmpty());
    }

    /** @return whether every pixel has been drawn since the last reset (true for an empty screen) */
    boolean full() {
        return full;
    }
}
