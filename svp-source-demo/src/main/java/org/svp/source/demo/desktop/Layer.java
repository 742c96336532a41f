package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * Something that draws in its own coordinates into its own backing canvas (a window, the icon column)
 * and sits somewhere on screen. The backing always holds the layer's whole picture, covered or not, so
 * the window manager can show any part of it again (DIRTY_RECT) after a move or a raise. Drawn and
 * moved on the demo thread only; {@link #frame()} may be read from any thread.
 */
final class Layer {
    private final OrderCanvas canvas;
    /** The layer's rect on screen; one volatile reference so other threads never see half a move. */
    private volatile Rect frame;

    /**
     * @param width columns
     * @param height rows
     * @param x screen column of the layer's (0, 0)
     * @param y screen row of the layer's (0, 0)
     */
    Layer(int width, int height, int x, int y) {
        this.canvas = new OrderCanvas(width, height);
        this.frame = new Rect(x, y, width, height);
    }

    /** @return where the layer draws (local coordinates); its flush() is what the compositor shows */
    OrderCanvas canvas() {
        return canvas;
    }

    int x() {
        return frame.x();
    }

    int y() {
        return frame.y();
    }

    /** @return the layer's rect on screen; any thread */
    Rect frame() {
        return frame;
    }

    void moveTo(int nx, int ny) {
        frame = new Rect(nx, ny, canvas.width(), canvas.height());
    }

    boolean contains(int sx, int sy) {
        Rect f = frame;
        return sx >= f.x() && sy >= f.y() && sx < f.right() && sy < f.bottom();
    }
}
