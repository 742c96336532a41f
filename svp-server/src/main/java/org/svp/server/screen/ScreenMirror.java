package org.svp.server.screen;

import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * The server's own framebuffer: every order a source sends is applied here, with the same renderer
 * clients use, so the server can give late joiners the whole screen and replace a slow client's
 * backlog by current pixels. Owned by the I/O thread; nothing else may touch it.
 */
public final class ScreenMirror {
    private final Surface surface = new Surface(0, 0);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    /**
     * Applies one message.
     *
     * @param m a display message from the source
     * @return the screen area it changed (empty if none)
     */
    public Rect apply(DisplayMessage m) {
        return renderer.apply(m);
    }

    /**
     * As {@link #apply} for a DIRTY_RECT whose pixels an encoder worker decoded already.
     *
     * @param d the message
     * @param px its pixels, {@code 0x00RRGGBB}, row-major
     * @return the area changed
     */
    public Rect applyDecoded(org.svp.protocol.message.DirtyRect d, int[] px) {
        return renderer.applyDecoded(d, px);
    }

    /** @return screen width in pixels (0 before the source's first SCREEN_RESIZE) */
    public int width() {
        return surface.width();
    }

    /** @return screen height in pixels */
    public int height() {
        return surface.height();
    }

    /** @return the whole screen as a rect */
    public Rect bounds() {
        return new Rect(0, 0, surface.width(), surface.height());
    }

    /** @return the live pixels (0x00RRGGBB, stride = width); read on the I/O thread only */
    public int[] pixels() {
        return surface.pixels();
    }

    /**
     * @param r an area inside the screen
     * @return a copy of its pixels, row-major
     */
    public int[] capture(Rect r) {
        return surface.copyRegion(r.x(), r.y(), r.width(), r.height());
    }
}
