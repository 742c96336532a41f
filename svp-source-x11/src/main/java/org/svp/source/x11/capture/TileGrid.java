package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Which {@value #TILE}×{@value #TILE} tiles of the screen are damaged since the last capture, and the
 * few rectangles that cover them for reading pixels (one X round trip each). Thread: "svp-x11".
 */
public final class TileGrid {
    /** Tile side in pixels: small enough that a changed character repaints little, big enough that a
     *  full screen is a few hundred tiles. */
    public static final int TILE = 64;

    private final int width;
    private final int height;
    private final int cols;
    private final int rows;
    private final boolean[] dirty;
    private int dirtyCount;

    /**
     * @param width screen width
     * @param height screen height
     */
    public TileGrid(int width, int height) {
        this.width = width;
        this.height = height;
        this.cols = (width + TILE - 1) / TILE;
        this.rows = (height + TILE - 1) / TILE;
        this.dirty = new boolean[cols * rows];
    }

    /** @param r a damaged rectangle (clipped to the screen here) */
    public void mark(Rect r) {
        Rect c = r.intersect(new Rect(0, 0, width, height));
        if (c.isEmpty()) {
            return;
        }
        for (int ty = c.y() / TILE; ty <= (c.bottom() - 1) / TILE; ty++) {
            for (int tx = c.x() / TILE; tx <= (c.right() - 1) / TILE; tx++) {
                int i = ty * cols + tx;
                if (!dirty[i]) {
                    dirty[i] = true;
                    dirtyCount++;
                }
            }
        }
    }

    /** Marks the whole screen. */
    public void markAll() {
        mark(new Rect(0, 0, width, height));
    }

    /** @return whether any tile is damaged */
    public boolean isEmpty() {
        return dirtyCount == 0;
    }

    /**
     * @param tx tile column
     * @param ty tile row
     * @return whether that tile is damaged
     */
    public boolean isDirty(int tx, int ty) {
        return dirty[ty * cols + tx];
    }

    /** @return tile columns */
    public int cols() {
        return cols;
    }

    /** @return tile rows */
    public int rows() {
        return rows;
    }

    /**
     * @param tx tile column
     * @param ty tile row
     * @return the tile's area, clipped to the screen
     */
    public Rect tile(int tx, int ty) {
        int x = tx * TILE;
        int y = ty * TILE;
        return new Rect(x, y, Math.min(TILE, width - x), Math.min(TILE, height - y));
    }

    /**
     * The damaged tiles as rectangles to read: runs of dirty tiles in a tile row, and runs with the
     * same columns in consecutive rows joined into one.
     *
     * @return rectangles that cover every dirty tile exactly once
     */
    public List<Rect> readRects() {
        List<Rect> out = new ArrayList<>();
        List<Rect> open = new ArrayList<>();
        for (int ty = 0; ty < rows; ty++) {
            List<Rect> next = new ArrayList<>();
            int tx = 0;
            while (tx < cols) {
                if (!dirty[ty * cols + tx]) {
                    tx++;
                    continue;
                }
                int start = tx;
                while (tx < cols && dirty[ty * cols + tx]) {
                    tx++;
                }
                Rect run = tile(start, ty).union(tile(tx - 1, ty));
                Rect above = findSpan(open, run);
                if (above != null) {
                    open.remove(above);
                    next.add(above.union(run));
                } else {
                    next.add(run);
                }
            }
            out.addAll(open);
            open = next;
        }
        out.addAll(open);
        return out;
    }

    private static Rect findSpan(List<Rect> open, Rect run) {
        for (Rect r : open) {
            if (r.x() == run.x() && r.width() == run.width() && r.bottom() == run.y()) {
                return r;
            }
        }
        return null;
    }

    /** Forgets all damage. */
    public void clear() {
        java.util.Arrays.fill(dirty, false);
        dirtyCount = 0;
    }
}
