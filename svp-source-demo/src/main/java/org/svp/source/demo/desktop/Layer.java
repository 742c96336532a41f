package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * Something that draws in its own coordinates into its own backing canvas (a window, the icon column)
 * and sits somewhere on screen. The backing always holds the layer's whole picture, covered or not, so
 * the window manager can show any part of it again (DIRTY_RECT) after a move or a raise. Demo thread
 * only.
 */
final class Layer {
    private final OrderCanvas canvas;
    private int x;
    private int y;

    /**
     * @param width columns
     * @param height rows
     * @param x screen column of the layer's (0, 0)
     * @param y screen row of the layer's (0, 0)
     */
    Layer(int width, int height, int x, int y) {
        this.canvas = new OrderCanvas(width, height);
        this.x = x;
        this.y = y;
    }

    /** @return where the layer draws (local coordinates); its flush() is what the compositor shows */
    OrderCanvas canvas() {
        return canvas;
    }

    int x() {
        return x;
    }

    int y() {
        return y;
    }

    /** @return the layer's rect on screen */
    Rect frame() {
        return new Rect(x, y, canvas.width(), canvas.height());
    }

    void moveTo(int nx, int ny) {
        this.x = nx;
        this.y = ny;
    }

    boolean contains(int sx, int sy) {
        return sx >= x && sy >= y && sx < x + canvas.width() && sy < y + canvas.height();
    }
}
