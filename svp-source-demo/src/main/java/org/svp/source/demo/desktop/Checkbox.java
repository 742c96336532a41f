package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A checkbox with a label: a white box (SOLID_RECT, LINE border), a tick of two LINEs when checked.
 * A left press on the box or its label toggles it. Local coordinates; demo thread only.
 */
final class Checkbox {
    static final int BOX = 13;

    private final Rect area;
    private final Rect box;
    private final String label;
    private final GlyphFont font;
    private boolean checked;

    /**
     * @param area the box and its label; the box is at its left, vertically centred
     * @param label text right of the box
     * @param checked initial state
     */
    Checkbox(Rect area, String label, GlyphFont font, boolean checked) {
        this.area = area;
        this.box = new Rect(area.x(), area.y() + (area.height() - BOX) / 2, BOX, BOX);
        this.label = label;
        this.font = font;
        this.checked = checked;
    }

    boolean checked() {
        return checked;
    }

    Rect box() {
        return box;
    }

    boolean contains(int x, int y) {
        return x >= area.x() && y >= area.y() && x < area.right() && y < area.bottom();
    }

    void paint(OrderCanvas c) {
        if (area.isEmpty()) {
            return;
        }
        int maxChars = Math.max(0, (area.width() - BOX - 6) / font.advance());
        String s = label.length() > maxChars ? label.substring(0, maxChars) : label;
        int baseline = area.y() + (area.height() - font.lineHeight()) / 2 + font.ascent();
        c.text(font, s, box.right() + 5, baseline, Palette.INK, 0, null);
        paintBox(c);
    }

    private void paintBox(OrderCanvas c) {
        int l = box.x();
        int t = box.y();
        int r = box.right() - 1;
        int b = box.bottom() - 1;
        c.fill(new Rect(l + 1, t + 1, BOX - 2, BOX - 2), Palette.WINDOW);
        c.line(l, t, r, t, OrderCanvas.R2_COPYPEN, Palette.SHADOW);
        c.line(l, t, l, b, OrderCanvas.R2_COPYPEN, Palette.SHADOW);
        c.line(r, t, r, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        c.line(l, b, r, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        if (checked) {
            c.line(l + 3, t + 6, l + 5, t + 9, OrderCanvas.R2_COPYPEN, Palette.INK);
            c.line(l + 5, t + 9, l + 9, t + 3, OrderCanvas.R2_COPYPEN, Palette.INK);
        }
    }

    /** Left button went down at (x, y): toggles when on the box or label. */
    boolean press(OrderCanvas c, int x, int y) {
        if (!contains(x, y)) {
            return false;
        }
        checked = !checked;
        paintBox(c);
        return true;
    }
}
