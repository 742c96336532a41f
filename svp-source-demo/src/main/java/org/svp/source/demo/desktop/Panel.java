package org.svp.source.demo.desktop;

import org.svp.source.demo.draw.OrderCanvas;

/** The content of one window's client area. Called on the demo thread only. */
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
}
