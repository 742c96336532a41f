package org.svp.render;

import java.util.Arrays;
import org.svp.protocol.Rect;

/**
 * A screen-sized canvas of {@code 0x00RRGGBB} ints, row-major with stride = width, black when created
 * or resized. The renderer draws into {@link #pixels()} directly; readers (PNG export, the viewer, the
 * server's encoder) read it on the same thread or after handing over a {@link #copy()}.
 *
 * <p>Not thread-safe: it has one owner thread (the display channel thread of a client, the mirror
 * thread of the server).
 */
public final class Surface {
    private int width;
    private int height;
    private int[] pixels;

    /**
     * Creates a black surface.
     *
     * @param width
     *     columns, ≥ 0
     * @param height
     *     rows, ≥ 0
     * @throws IllegalArgumentException
     *     for a negative size
     */
    public Surface(int width, int height) {
        resize(width, height);
    }

    /** @return columns */
    public int width() {
        return width;
    }

    /** @return rows */
    public int height() {
        return height;
    }

    /**
     * The live pixel array (not a copy): pixel (x, y) is at {@code y * width() + x}. Replaced by
     * {@link #resize}, so do not keep it across a SCREEN_RESIZE.
     *
     * @return the pixels, {@code 0x00RRGGBB}
     */
    public int[] pixels() {
        return pixels;
    }

    /**
     * Replaces the canvas with a new black one (SCREEN_RESIZE).
     *
     * @param w
     *     columns, ≥ 0
     * @param h
     *     rows, ≥ 0
     * @throws IllegalArgumentException
     *     for a negative size or more than {@code Integer.MAX_VALUE} pixels
     */
    public void resize(int w, int h) {
        if (w < 0 || h < 0 || (long) w * h > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("bad surface size " + w + "x" + h);
        }
        this.width = w;
        this.height = h;
        this.pixels = new int[w * h];
    }

    /**
     * @param x
     *     column, 0 ≤ x &lt; width
     * @param y
     *     row, 0 ≤ y &lt; height
     * @return the pixel
     * @throws IndexOutOfBoundsException
     *     outside the surface
     */
    public int get(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("(" + x + "," + y + ") outside " + width + "x" + height);
        }
        return pixels[y * width + x];
    }

    /**
     * Copies a rectangle; the parts outside the surface read as black (0).
     *
     * @param x
     *     left, may be negative
     * @param y
     *     top, may be negative
     * @param w
     *     columns, ≥ 0
     * @param h
     *     rows, ≥ 0
     * @return {@code w × h} pixels, row-major
     */
    public int[] copyRegion(int x, int y, int w, int h) {
        int[] out = new int[Math.multiplyExact(w, h)];
        copyRegionInto(x, y, w, h, out);
        return out;
    }

    /**
     * As {@link #copyRegion} into a caller's array (the renderer's scratch), with stride {@code w}.
     */
    void copyRegionInto(int x, int y, int w, int h, int[] out) {
        int x0 = Math.max(x, 0);
        int x1 = Math.min(x + w, width);
        for (int row = 0; row < h; row++) {
            int sy = y + row;
            int o = row * w;
            if (sy < 0 || sy >= height || x1 <= x0) {
                Arrays.fill(out, o, o + w, 0);
                continue;
            }
            Arrays.fill(out, o, o + (x0 - x), 0);
            System.arraycopy(pixels, sy * width + x0, out, o + (x0 - x), x1 - x0);
            Arrays.fill(out, o + (x1 - x), o + w, 0);
        }
    }

    /**
     * SCREEN_BLT's common case — SRCCOPY, no clip, source and destination inside the frame — as row
     * copies within one pixel array, without a snapshot of the source: rows go bottom-up when the
     * destination is below the source, so no source row is overwritten before it is read, and
     * {@link System#arraycopy} handles the overlap within a row. This is the whole cost of a scroll or
     * a window move in the server's mirror, the client's surface and the X11 source's shown frame.
     *
     * @param px pixels, rows of {@code stride}
     * @param stride ints per row
     * @param dest where the copy goes (inside the frame)
     * @param srcX left of the source (inside the frame)
     * @param srcY top of the source (inside the frame)
     */
    public static void copyWithin(int[] px, int stride, Rect dest, int srcX, int srcY) {
        boolean bottomUp = srcY < dest.y();
        for (int k = 0; k < dest.height(); k++) {
            int row = bottomUp ? dest.height() - 1 - k : k;
            System.arraycopy(px, (srcY + row) * stride + srcX, px, (dest.y() + row) * stride + dest.x(), dest.width());
        }
    }

    /** @return an independent surface with the same size and pixels */
    public Surface copy() {
        Surface s = new Surface(0, 0);
        s.width = width;
        s.height = height;
        s.pixels = pixels.clone();
        return s;
    }
}
