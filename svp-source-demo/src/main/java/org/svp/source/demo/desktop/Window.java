package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A window frame: 1-pixel border drawn with LINE, a PATTERN_BLT_BRUSH title bar whose colours show the
 * focus, a title in TEXT, and a client area that a panel paints. Everything is in window-local
 * coordinates ((0, 0) = the frame's top-left) on the window's own {@link Layer}; the window manager
 * places the layer on screen.
 */
final class Window {
    /** Title bar height in pixels. */
    static final int TITLE_HEIGHT = 20;

    private final String title;
    private final Layer layer;
    private final Rect frame;
    private final Rect titleBar;
    private final Rect client;

    /**
     * @param title the title bar text; its first word is the window's short name
     * @param screenFrame where the window starts on screen
     */
    Window(String title, Rect screenFrame) {
        this.title = title;
        this.layer = new Layer(screenFrame.width(), screenFrame.height(), screenFrame.x(), screenFrame.y());
        this.frame = new Rect(0, 0, screenFrame.width(), screenFrame.height());
        this.titleBar = new Rect(1, 1, frame.width() - 2, TITLE_HEIGHT);
        this.client = new Rect(1, TITLE_HEIGHT + 2, frame.width() - 2,
                Math.max(0, frame.height() - TITLE_HEIGHT - 3));
    }

    String title() {
        return title;
    }

    /** @return the first word of the title, e.g. {@link Desktop#NOTES} */
    String name() {
        return title.split(" ")[0];
    }

    Layer layer() {
        return layer;
    }

    /** @return the window's canvas (local coordinates) */
    OrderCanvas canvas() {
        return layer.canvas();
    }

    /** @return the frame on screen */
    Rect screenFrame() {
        return layer.frame();
    }

    /** @return the client area, local coordinates */
    Rect client() {
        return client;
    }

    /** @return whether screen point (x, y) is on this window's title bar */
    boolean onTitleBar(int x, int y) {
        int lx = x - layer.x();
        int ly = y - layer.y();
        return lx >= titleBar.x() && ly >= titleBar.y() && lx < titleBar.right() && ly < titleBar.bottom();
    }

    /** Border, separator and title bar (the panel paints the client area). */
    void paintFrame(OrderCanvas c, GlyphFont font, boolean focused) {
        int l = frame.x();
        int t = frame.y();
        int r = frame.right() - 1;
        int b = frame.bottom() - 1;
        c.line(l, t, r, t, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        c.line(r, t, r, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        c.line(r, b, l, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        c.line(l, b, l, t, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        int sep = titleBar.bottom();
        c.line(l + 1, sep, r - 1, sep, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        paintTitle(c, font, focused);
    }

    /** The title bar alone: used when the focus moves. */
    void paintTitle(OrderCanvas c, GlyphFont font, boolean focused) {
        c.pattern(titleBar, focused ? Palette.TITLE_FOCUSED_FG : Palette.TITLE_FG,
                focused ? Palette.TITLE_FOCUSED_BG : Palette.TITLE_BG, OrderCanvas.PATCOPY, Palette.STRIPES);
        int maxChars = Math.max(0, (titleBar.width() - 12) / font.advance());
        String s = title.length() > maxChars ? title.substring(0, maxChars) : title;
        int baseline = titleBar.y() + (TITLE_HEIGHT - font.lineHeight()) / 2 + font.ascent();
        c.text(font, s, titleBar.x() + 6, baseline, Palette.TITLE_TEXT, 0, null);
    }
}
