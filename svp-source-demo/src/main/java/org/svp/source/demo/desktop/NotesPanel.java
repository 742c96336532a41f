package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A notepad for what clients type. Text wraps at the window width and scrolls when it outgrows the
 * window; every change redraws only the lines that differ (TEXT with an opaque line rect, SOLID_RECT
 * for empty lines). The caret is a DST_BLT (DSTINVERT) that blinks while the script animates. Below
 * the text, a strip with a {@link Button} that counts clicks and a "Blink caret" {@link Checkbox}
 * (unchecked: the caret stays on) lets a first-time user see clicks arrive.
 */
final class NotesPanel implements Panel {
    /** Frames between caret blinks. */
    static final int BLINK_EVERY = 16;
    private static final int PAD = 4;
    private static final int CARET_WIDTH = 2;

    private final Window window;
    private final GlyphFont font;
    private final int cols;
    private final int rows;
    /** The text area: the client area above the control strip. */
    private final Rect text;
    private final Rect strip;
    private final Button button;
    private final Checkbox blink;
    private final StringBuilder typed = new StringBuilder();
    /** The lines on screen now (after scrolling): index 0 = top row. */
    private List<String> shown = List.of();
    private boolean caretShown;
    private Rect caret;

    NotesPanel(Window window, GlyphFont font) {
        this.window = window;
        this.font = font;
        Rect cl = window.client();
        int lh = font.lineHeight();
        int stripH = cl.height() >= 5 * lh ? lh + 10 : 0;
        this.text = new Rect(cl.x(), cl.y(), cl.width(), cl.height() - stripH);
        this.strip = new Rect(cl.x(), text.bottom(), cl.width(), stripH);
        int bw = Math.min(12 * font.advance() + 12, Math.max(0, (cl.width() - 3 * PAD) / 2));
        Rect buttonRect = stripH == 0 ? new Rect(0, 0, 0, 0) : new Rect(strip.x() + PAD, strip.y() + 3, bw, stripH - 6);
        Rect boxArea = stripH == 0 ? new Rect(0, 0, 0, 0)
                : new Rect(buttonRect.right() + 2 * PAD, strip.y() + 3,
                        Math.max(0, strip.right() - buttonRect.right() - 3 * PAD), stripH - 6);
        this.button = new Button(buttonRect, font);
        this.blink = new Checkbox(boxArea, "Blink caret", font, true);
        this.cols = Math.max(1, (text.width() - 2 * PAD - CARET_WIDTH) / font.advance());
        this.rows = Math.max(0, (text.height() - 2 * PAD) / lh);
    }

    /** @return the click-counting button (window-local) */
    Button button() {
        return button;
    }

    /** @return the "Blink caret" checkbox (window-local) */
    Checkbox blinkBox() {
        return blink;
    }

    @Override
    public Window window() {
        return window;
    }

    String typedText() {
        return typed.toString();
    }

    @Override
    public void paint(OrderCanvas c) {
        c.fill(text, Palette.WINDOW);
        if (!strip.isEmpty()) {
            c.fill(strip, Palette.FACE);
            c.line(strip.x(), strip.y(), strip.right() - 1, strip.y(), OrderCanvas.R2_COPYPEN, Palette.SHADOW);
            button.paint(c);
            blink.paint(c);
        }
        shown = List.of("");
        showCaret(c);
    }

    @Override
    public void mouse(OrderCanvas c, int x, int y, int buttons, int before) {
        boolean wasDown = (before & org.svp.protocol.MouseButtons.LEFT) != 0;
        boolean down = (buttons & org.svp.protocol.MouseButtons.LEFT) != 0;
        if (down && !wasDown) {
            button.press(c, x, y);
            if (blink.press(c, x, y) && !blink.checked()) {
                showCaret(c);
            }
        } else if (!down && wasDown) {
            button.release(c, x, y);
        }
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        if (n > 0 && n % BLINK_EVERY == 0 && (blink.checked() || !caretShown)) {
            if (caretShown) {
                hideCaret(c);
            } else {
                showCaret(c);
            }
        }
    }

    /**
     * Applies one typed character ('\n' for Enter, '\b' for Backspace) and redraws what changed.
     *
     * @param c where orders go
     * @param ch the character
     */
    void type(OrderCanvas c, char ch) {
        if (ch == '\b') {
            if (typed.isEmpty()) {
                return;
            }
            typed.setLength(typed.length() - 1);
        } else {
            typed.append(ch);
        }
        if (rows == 0) {
            return;
        }
        hideCaret(c);
        List<String> all = wrap(typed);
        List<String> next = all.subList(Math.max(0, all.size() - rows), all.size());
        Rect cl = text;
        int lh = font.lineHeight();
        for (int r = 0; r < rows; r++) {
            String before = r < shown.size() ? shown.get(r) : null;
            String after = r < next.size() ? next.get(r) : null;
            if (before == null ? after == null : before.equals(after)) {
                continue;
            }
            int y = cl.y() + PAD + r * lh;
            Rect lineRect = new Rect(cl.x(), y, cl.width(), lh);
            c.text(font, after == null ? "" : after, cl.x() + PAD, y + font.ascent(), Palette.INK, Palette.WINDOW,
                    lineRect);
        }
        shown = List.copyOf(next);
        showCaret(c);
    }

    private List<String> wrap(CharSequence text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                lines.add(line.toString());
                line.setLength(0);
                continue;
            }
            line.append(ch);
            if (line.length() == cols) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void showCaret(OrderCanvas c) {
        if (caretShown || rows == 0 || shown.isEmpty()) {
            return;
        }
        Rect cl = text;
        int row = shown.size() - 1;
        int col = shown.get(row).length();
        caret = new Rect(cl.x() + PAD + col * font.advance(), cl.y() + PAD + row * font.lineHeight() + 1,
                CARET_WIDTH, font.lineHeight() - 2);
        c.dstBlt(caret, OrderCanvas.DSTINVERT);
        caretShown = true;
    }

    private void hideCaret(OrderCanvas c) {
        if (caretShown) {
            c.dstBlt(caret, OrderCanvas.DSTINVERT);
            caretShown = false;
        }
    }
}
