package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A window frame: 1-pixel border drawn with LINE, a PATTERN_BLT_BRUSH title bar whose colours show the
 * focus, a title in TEXT, and a client area that a panel paints.
 */
final class Window {
    /** Title bar height in pixels. */
    static final int TITLE_HEIGHT = 20;

    private final String title;
    private final Rect frame;
    private final Rect titleBar;
    private final Rect client;

    Window(String title, Rect frame) {
        this.title = title;
        this.frame = frame;
        this.titleBar = new Rect(frame.x() + 1, frame.y() + 1, frame.width() - 2, TITLE_HEIGHT);
        this.client = new Rect(frame.x() + 1, frame.y() + TITLE_HEIGHT + 2, frame.width() - 2,
                Math.max(0, frame.height() - TITLE_HEIGHT - 3));
    }

    String title() {
        return title;
    }

    Rect frame() {
        return frame;
    }

    Rect client() {
        return client;
    }

    boolean contains(int x, int y) {
        return x >= frame.x() && y >= frame.y() && x < frame.right() && y < frame.bottom();
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
