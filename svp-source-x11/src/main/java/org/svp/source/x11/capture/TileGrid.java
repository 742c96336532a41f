package org.svp.source.x11.capture;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Which {@value #TILE}×{@value #TILE} tiles of the screen are damaged since the last capture, the
 * bounding box of the damage inside each (X's damage is exact: no pixel outside it changed, so only
 * that box is read and compared), and the few rectangles that cover them for reading pixels (one X
 * round trip each). Thread: "svp-x11".
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
    /** Per tile, the damage's bounding box: left, top, right, bottom (exclusive); valid where dirty. */
    private final int[] box;
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
        this.box = new int[cols * rows * 4];
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
                int x0 = Math.max(c.x(), tx * TILE);
                int y0 = Math.max(c.y(), ty * TILE);
                int x1 = Math.min(c.right(), (tx + 1) * TILE);
                int y1 = Math.min(c.bottom(), (ty + 1) * TILE);
                int b = i * 4;
                if (!dirty[i]) {
                    dirty[i] = true;
                    dirtyCount++;
                    box[b] = x0;
                    box[b + 1] = y0;
                    box[b + 2] = x1;
                    box[b + 3] = y1;
                } else {
                    box[b] = Math.min(box[b], x0);
                    box[b + 1] = Math.min(box[b + 1], y0);
                    box[b + 2] = Math.max(box[b + 2], x1);
                    box[b + 3] = Math.max(box[b + 3], y1);
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
     * @param tx tile column
     * @param ty tile row
     * @return the bounding box of that dirty tile's damage (inside the tile)
     */
    public Rect damage(int tx, int ty) {
        int b = (ty * cols + tx) * 4;
        return new Rect(box[b], box[b + 1], box[b + 2] - box[b], box[b + 3] - box[b + 1]);
    }

    /**
     * The damaged tiles as rectangles to read: runs of dirty tiles in a tile row, and runs with the
     * same columns in consecutive rows joined into one, each cut down to the bounding box of its tiles'
     * damage. Neighbouring dirty tiles of a tile row always fall into the same rectangle, so whatever
     * lies between their damage boxes has been read too.
     *
     * @return rectangles that cover the damage of every dirty tile, each tile in exactly one
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
        out.replaceAll(this::damageBounds);
        return out;
    }

    /** @return the bounding box of the damage of the dirty tiles inside the tile-aligned {@code r} */
    private Rect damageBounds(Rect r) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int ty = r.y() / TILE; ty <= (r.bottom() - 1) / TILE; ty++) {
            for (int tx = r.x() / TILE; tx <= (r.right() - 1) / TILE; tx++) {
                int b = (ty * cols + tx) * 4;
                x0 = Math.min(x0, box[b]);
                y0 = Math.min(y0, box[b + 1]);
                x1 = Math.max(x1, box[b + 2]);
                y1 = Math.max(y1, box[b + 3]);
            }
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
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
