package org.svp.source.demo.desktop;

import org.svp.source.demo.draw.OrderCanvas;

/** The content of one window's client area, drawn in window-local coordinates. Demo thread only. */
interface Panel {

    /** @return the window this panel fills */
    Window window();

    /**
     * Paints the whole client area (the first frame).
     *
     * @param c where orders go
     */
    void paint(OrderCanvas c);

    /**
     * Advances the animation to frame {@code n} (called for n = 0, 1, 2, ... after {@link #paint}).
     *
     * @param c where orders go
     * @param n frame number
     */
    void frame(OrderCanvas c, int n);

    /**
     * A mouse event over the client area, or any event while the left button, pressed over the client
     * area, is held (so a button sees its release). Most panels ignore the mouse.
     *
     * @param c where orders go
     * @param x column, window-local (may lie outside the window while the button is held)
     * @param y row, window-local
     * @param buttons the buttons held now ({@link org.svp.protocol.MouseButtons} bits)
     * @param before the buttons held at the previous event
     */
    default void mouse(OrderCanvas c, int x, int y, int buttons, int before) {
    }
}
