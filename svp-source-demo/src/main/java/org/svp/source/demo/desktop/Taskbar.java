package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * The bar at the bottom: a bevelled "SVP" button, a hint of what to try, and a clock/frame counter redrawn every frame as TEXT
 * with an opaque rect. The clock shows script time (frame / fps), never the wall clock.
 */
final class Taskbar {
    /** What a first-time user can try; cut to the room between the button and the clock. */
    static final String HINT = "Try: drag a title bar, click a window, press 'Click me', type into Notes";

    private final Rect bar;
    private final GlyphFont font;
    private final int fps;
    private final Rect label;

    Taskbar(Rect bar, GlyphFont font, int fps) {
        this.bar = bar;
        this.font = font;
        this.fps = fps > 0 ? fps : 30;
        int w = 22 * font.advance() + 8;
        this.label = new Rect(bar.right() - w - 6, bar.y() + 4, w, bar.height() - 8);
    }

    void paint(OrderCanvas c) {
        c.fill(bar, Palette.FACE);
        c.line(bar.x(), bar.y(), bar.right() - 1, bar.y(), OrderCanvas.R2_COPYPEN, Palette.HIGHLIGHT);
        Rect button = new Rect(bar.x() + 4, bar.y() + 4, 8 * font.advance(), bar.height() - 8);
        int l = button.x();
        int t = button.y();
        int r = button.right() - 1;
        int b = button.bottom() - 1;
        c.line(l, t, r, t, OrderCanvas.R2_COPYPEN, Palette.HIGHLIGHT);
        c.line(l, t, l, b, OrderCanvas.R2_COPYPEN, Palette.HIGHLIGHT);
        c.line(r, t, r, b, OrderCanvas.R2_COPYPEN, Palette.SHADOW);
        c.line(l, b, r, b, OrderCanvas.R2_COPYPEN, Palette.SHADOW);
        c.text(font, "SVP", l + 2 * font.advance(), t + (button.height() - font.lineHeight()) / 2 + font.ascent(),
                Palette.INK, 0, null);
        c.fill(label.x() - 1, label.y() - 1, label.width() + 2, 1, Palette.SHADOW);
        int hintX = button.right() + 2 * font.advance();
        int chars = Math.max(0, (label.x() - hintX - 2 * font.advance()) / font.advance());
        String hint = HINT.length() > chars ? HINT.substring(0, chars) : HINT;
        c.text(font, hint, hintX, t + (button.height() - font.lineHeight()) / 2 + font.ascent(), 0x404040, 0,
                null);
    }

    void frame(OrderCanvas c, int n) {
        int hundredths = (int) ((long) n * 100 / fps);
        String s = String.format("frame %06d  %02d:%02d.%02d", n, hundredths / 6000 % 100, hundredths / 100 % 60,
                hundredths % 100);
        int baseline = label.y() + (label.height() - font.lineHeight()) / 2 + font.ascent();
        c.text(font, s, label.x() + 4, baseline, Palette.INK, 0xD8D8D8, label);
    }
}
