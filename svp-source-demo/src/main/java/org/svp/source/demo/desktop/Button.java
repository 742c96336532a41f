package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A push button that counts its clicks: bevelled with LINE, face SOLID_RECT, label TEXT. Pressing it
 * (left button down on it) sinks it and turns it dark; releasing on it counts a click and relabels it
 * ("Clicked 3×"), its face alternating between two colours; releasing elsewhere cancels. Local
 * coordinates of the window it sits in; demo thread only.
 */
final class Button {
    static final int FACE_EVEN = Palette.FACE;
    static final int FACE_ODD = 0xF0C040;
    static final int FACE_PRESSED = 0x3A6EA5;

    private final Rect rect;
    private final GlyphFont font;
    private boolean pressed;
    private int clicks;

    Button(Rect rect, GlyphFont font) {
        this.rect = rect;
        this.font = font;
    }

    Rect rect() {
        return rect;
    }

    int clicks() {
        return clicks;
    }

    String label() {
        return clicks == 0 ? "Click me" : "Clicked " + clicks + "x";
    }

    boolean contains(int x, int y) {
        return x >= rect.x() && y >= rect.y() && x < rect.right() && y < rect.bottom();
    }

    void paint(OrderCanvas c) {
        if (rect.isEmpty()) {
            return;
        }
        int face = pressed ? FACE_PRESSED : clicks % 2 == 0 ? FACE_EVEN : FACE_ODD;
        int l = rect.x();
        int t = rect.y();
        int r = rect.right() - 1;
        int b = rect.bottom() - 1;
        c.fill(new Rect(l + 1, t + 1, rect.width() - 2, rect.height() - 2), face);
        int light = pressed ? Palette.SHADOW : Palette.HIGHLIGHT;
        int dark = pressed ? Palette.HIGHLIGHT : Palette.BORDER;
        c.line(l, t, r, t, OrderCanvas.R2_COPYPEN, light);
        c.line(l, t, l, b, OrderCanvas.R2_COPYPEN, light);
        c.line(r, t, r, b, OrderCanvas.R2_COPYPEN, dark);
        c.line(l, b, r, b, OrderCanvas.R2_COPYPEN, dark);
        String s = label();
        int maxChars = Math.max(0, (rect.width() - 4) / font.advance());
        s = s.length() > maxChars ? s.substring(0, maxChars) : s;
        int shift = pressed ? 1 : 0;
        int x = l + (rect.width() - s.length() * font.advance()) / 2 + shift;
        int baseline = t + (rect.height() - font.lineHeight()) / 2 + font.ascent() + shift;
        c.text(font, s, x, baseline, pressed ? Palette.TITLE_TEXT : Palette.INK, 0, null);
    }

    /** Left button went down at (x, y). */
    void press(OrderCanvas c, int x, int y) {
        if (contains(x, y) && !pressed) {
            pressed = true;
            paint(c);
        }
    }

    /** Left button came up at (x, y): a click if it is still on the button. */
    void release(OrderCanvas c, int x, int y) {
        if (!pressed) {
            return;
        }
        pressed = false;
        if (contains(x, y)) {
            clicks++;
        }
        paint(c);
    }
}
