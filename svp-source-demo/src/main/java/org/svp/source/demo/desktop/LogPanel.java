package org.svp.source.demo.desktop;

import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A server log that gains a line every {@link #LINE_EVERY} frames. Once full it scrolls: SCREEN_BLT
 * (SRCCOPY) moves the lines up by one, then a TEXT with an opaque rect draws the new bottom line.
 */
final class LogPanel implements Panel {
    /** Frames between log lines. */
    static final int LINE_EVERY = 4;
    private static final int PAD = 4;
    private static final String[] VERBS = {"GET", "PUT", "ACK", "ENC", "SYN"};
    private static final String[] WHAT = {"/display tile 3,5", "cursor 32x32", "lz4 block 4096 B",
        "client 10.0.0.7 joined", "dirty rect 96x64", "mem_blt cache hit", "rtt 12 ms", "frame pacer ok",
        "glyph cache 95/95"};

    private final Window window;
    private final GlyphFont font;
    private final int rows;
    private final int cols;
    private int lines;

    LogPanel(Window window, GlyphFont font) {
        this.window = window;
        this.font = font;
        this.rows = Math.max(0, (window.client().height() - 2 * PAD) / font.lineHeight());
        this.cols = Math.max(0, (window.client().width() - 2 * PAD) / font.advance());
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void paint(OrderCanvas c) {
        c.fill(window.client(), Palette.WINDOW);
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        if (n % LINE_EVERY != 0 || rows == 0) {
            return;
        }
        int k = n / LINE_EVERY;
        Rect cl = window.client();
        int lh = font.lineHeight();
        int top = cl.y() + PAD;
        int row;
        if (lines < rows) {
            row = lines++;
        } else {
            row = rows - 1;
            if (rows > 1) {
                c.emit(new ScreenBlt(new Rect(cl.x(), top, cl.width(), (rows - 1) * lh), cl.x(), top + lh,
                        OrderCanvas.SRCCOPY));
            }
        }
        String s = String.format("%05d %s %s", k, VERBS[k % VERBS.length], WHAT[(k * 7) % WHAT.length]);
        if (s.length() > cols) {
            s = s.substring(0, cols);
        }
        int y = top + row * lh;
        c.text(font, s, cl.x() + PAD, y + font.ascent(), k % 10 == 9 ? 0xB00000 : Palette.INK, Palette.WINDOW,
                new Rect(cl.x(), y, cl.width(), lh));
    }
}
