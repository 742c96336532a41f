package org.svp.source.demo.desktop;

import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.source.demo.draw.Bitmaps;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A file list with a blinking selection (DST_BLT DSTINVERT, twice to undo), a progress bar made of
 * SOLID_BLT segments (0xA0, P AND D) that flashes with SOLID_BLT 0x5A (PATINVERT) when full, and a
 * popup menu: SAVE_SCREEN of the area, the menu drawn over it, and later RESTORE_SCREEN with the saved
 * pixels (read from the canvas's shadow) as a RAW RGB32 bitmap. While the menu is open nothing else
 * draws under it.
 */
final class FilesPanel implements Panel {
    static final int BLINK_EVERY = 10;
    static final int SELECT_EVERY = 60;
    static final int PROGRESS_EVERY = 5;
    static final int SEGMENTS = 20;
    /** Popup cycle: opens at frame {@code POPUP_OPEN} of every {@code POPUP_CYCLE}, closes at {@code POPUP_CLOSE}. */
    static final int POPUP_CYCLE = 150;
    static final int POPUP_OPEN = 75;
    static final int POPUP_CLOSE = 120;
    /** SAVE_SCREEN slot used by the menu. */
    static final int POPUP_SLOT = 0;
    private static final int PAD = 4;
    private static final int BAR_HEIGHT = 12;
    private static final String[] FILES = {"README.md", "protocol.md", "photo.png", "notes.txt", "chart.csv",
        "svp-server.jar", "build.log", "icons.bmp", "demo.glyphs", "LICENSE"};
    private static final String[] MENU = {"Open", "Rename", "Copy", "Delete", "Properties"};

    private final Window window;
    private final GlyphFont font;
    private final int visible;
    private final Rect bar;
    private final Rect popup;
    private int selected;
    private boolean inverted;
    private int segments;
    private int[] saved;

    FilesPanel(Window window, GlyphFont font) {
        this.window = window;
        this.font = font;
        Rect cl = window.client();
        int barY = cl.bottom() - PAD - BAR_HEIGHT;
        this.bar = new Rect(cl.x() + PAD, Math.max(cl.y(), barY), Math.max(0, cl.width() - 2 * PAD), BAR_HEIGHT);
        int listH = Math.max(0, bar.y() - PAD - cl.y() - PAD);
        this.visible = Math.min(FILES.length, listH / font.lineHeight());
        int pw = Math.min(16 * font.advance(), cl.width() - cl.width() / 3 - PAD);
        int ph = MENU.length * font.lineHeight() + 6;
        boolean fits = pw > 4 * font.advance() && cl.y() + 20 + ph < bar.y() - PAD;
        this.popup = fits ? new Rect(cl.x() + cl.width() / 3, cl.y() + 20, pw, ph) : null;
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void paint(OrderCanvas c) {
        Rect cl = window.client();
        c.fill(cl, Palette.WINDOW);
        for (int i = 0; i < visible; i++) {
            c.text(font, FILES[i], cl.x() + PAD, row(i).y() + font.ascent(), Palette.INK, Palette.WINDOW, null);
        }
        if (!bar.isEmpty()) {
            c.fill(bar, 0xE8E8E8);
        }
    }

    private Rect row(int i) {
        Rect cl = window.client();
        return new Rect(cl.x() + 2, cl.y() + PAD + i * font.lineHeight(), cl.width() - 4, font.lineHeight());
    }

    private boolean popupOpen(int n) {
        int m = n % POPUP_CYCLE;
        return popup != null && m >= POPUP_OPEN && m < POPUP_CLOSE;
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        progress(c, n);
        if (popup != null) {
            int m = n % POPUP_CYCLE;
            if (m == POPUP_OPEN) {
                openPopup(c);
            } else if (m == POPUP_CLOSE) {
                closePopup(c);
            }
            if (popupOpen(n)) {
                if ((m - POPUP_OPEN) % 8 == 0) {
                    paintMenu(c, (m - POPUP_OPEN) / 8 % MENU.length);
                }
                return;
            }
        }
        if (visible == 0) {
            return;
        }
        if (n % SELECT_EVERY == 0) {
            if (inverted) {
                c.dstBlt(row(selected), OrderCanvas.DSTINVERT);
                inverted = false;
            }
            selected = (n / SELECT_EVERY) % visible;
        }
        if (n % BLINK_EVERY == 0) {
            c.dstBlt(row(selected), OrderCanvas.DSTINVERT);
            inverted = !inverted;
        }
    }

    private void progress(OrderCanvas c, int n) {
        if (bar.width() < SEGMENTS || n % PROGRESS_EVERY != 0) {
            return;
        }
        if (segments == SEGMENTS) {
            c.solidBlt(bar, 0xFFFFFF, 0x5A);
            segments++;
            return;
        }
        if (segments > SEGMENTS) {
            c.fill(bar, 0xE8E8E8);
            segments = 0;
            return;
        }
        int x0 = bar.x() + segments * bar.width() / SEGMENTS;
        int x1 = bar.x() + (segments + 1) * bar.width() / SEGMENTS;
        c.solidBlt(new Rect(x0 + 1, bar.y() + 1, Math.max(0, x1 - x0 - 2), bar.height() - 2), 0x3070D0, 0xA0);
        segments++;
    }

    private void openPopup(OrderCanvas c) {
        saved = c.copyRegion(popup.x(), popup.y(), popup.width(), popup.height());
        c.emit(new SaveScreen(new Point(popup.x(), popup.y()), new Point(popup.right(), popup.bottom()), POPUP_SLOT));
        c.fill(popup, Palette.FACE);
        int l = popup.x();
        int t = popup.y();
        int r = popup.right() - 1;
        int b = popup.bottom() - 1;
        c.line(l, t, r, t, OrderCanvas.R2_COPYPEN, Palette.HIGHLIGHT);
        c.line(l, t, l, b, OrderCanvas.R2_COPYPEN, Palette.HIGHLIGHT);
        c.line(r, t, r, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        c.line(l, b, r, b, OrderCanvas.R2_COPYPEN, Palette.BORDER);
        paintMenu(c, 0);
    }

    private void paintMenu(OrderCanvas c, int highlighted) {
        int lh = font.lineHeight();
        int maxChars = (popup.width() - 12) / font.advance();
        for (int i = 0; i < MENU.length; i++) {
            Rect item = new Rect(popup.x() + 2, popup.y() + 3 + i * lh, popup.width() - 4, lh);
            boolean hi = i == highlighted;
            String s = MENU[i].length() > maxChars ? MENU[i].substring(0, maxChars) : MENU[i];
            c.text(font, s, item.x() + 6, item.y() + font.ascent(), hi ? 0xFFFFFF : Palette.INK,
                    hi ? Palette.SELECTION : Palette.FACE, item);
        }
    }

    private void closePopup(OrderCanvas c) {
        if (saved == null) {
            return;
        }
        c.emit(new RestoreScreen(new Point(popup.x(), popup.y()), new Point(popup.right(), popup.bottom()),
                POPUP_SLOT, Bitmaps.raw(saved, popup.width(), popup.height(), PixelFormat.RGB32, popup.x(),
                        popup.y())));
        saved = null;
    }
}
