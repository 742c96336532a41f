package org.svp.source.demo.desktop;

import java.util.List;
import org.svp.protocol.Rect;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * A bouncing ball and a marquee behind a "pillar": each frame one CLIP_DRAW with two rects (the client
 * area left and right of the pillar) clips the erase (SOLID_RECT), the marquee TEXT (opaque strip)
 * and the filled ELLIPSE of the ball, so neither ever paints over the pillar or outside the window.
 */
final class BouncePanel implements Panel {
    private static final int BG = 0xF0F0E0;
    private static final int STRIP_BG = 0x202020;
    private static final int PILLAR = 10;
    private static final String MARQUEE =
            "SVP v1 demo * this marquee and the ball are clipped by CLIP_DRAW to two rects * ";

    private final Window window;
    private final GlyphFont font;
    private final Rect left;
    private final Rect right;
    private final Rect pillar;
    private final Rect strip;
    private final Rect ballArea;
    private final int radius;
    private Rect oldBall;

    BouncePanel(Window window, GlyphFont font) {
        this.window = window;
        this.font = font;
        Rect cl = window.client();
        int px = cl.x() + cl.width() / 2 - PILLAR / 2;
        this.pillar = new Rect(px, cl.y(), Math.min(PILLAR, cl.width()), cl.height());
        this.left = new Rect(cl.x(), cl.y(), Math.max(0, px - cl.x()), cl.height());
        this.right = new Rect(pillar.right(), cl.y(), Math.max(0, cl.right() - pillar.right()), cl.height());
        int lh = font.lineHeight();
        this.strip = new Rect(cl.x(), Math.max(cl.y(), cl.bottom() - lh - 4), cl.width(), Math.min(lh, cl.height()));
        this.ballArea = new Rect(cl.x(), cl.y(), cl.width(), Math.max(0, strip.y() - cl.y() - 2));
        this.radius = Math.max(2, Math.min(12, ballArea.height() / 6));
    }

    @Override
    public Window window() {
        return window;
    }

    @Override
    public void paint(OrderCanvas c) {
        c.fill(window.client(), BG);
        c.pattern(pillar, 0x604020, 0xA08040, OrderCanvas.PATCOPY, Palette.HATCH);
    }

    @Override
    public void frame(OrderCanvas c, int n) {
        int d = 2 * radius + 1;
        if (left.isEmpty() || right.isEmpty() || ballArea.width() <= d || ballArea.height() <= d) {
            return;
        }
        c.beginClip(List.of(left, right));
        if (oldBall != null) {
            c.fill(oldBall, BG);
        }
        int adv = font.advance();
        int textW = MARQUEE.length() * adv;
        int x = strip.right() - Math.floorMod(n * 3, strip.width() + textW);
        int first = Math.max(0, (strip.x() - x) / adv - 1);
        int last = Math.min(MARQUEE.length(), (strip.right() - x) / adv + 1);
        if (first < last) {
            c.text(font, MARQUEE.substring(first, last), x + first * adv, strip.y() + font.ascent(), 0xFFD040,
                    STRIP_BG, strip);
        } else {
            c.fill(strip, STRIP_BG);
        }
        int bx = ballArea.x() + Waves.triangle(n * 5, ballArea.width() - d);
        int by = ballArea.y() + Waves.triangle(n * 3, ballArea.height() - d);
        int colour = 0xC00000 | Waves.sine(n * 8) << 8;
        c.ellipse(bx, by, d, d, true, colour);
        oldBall = new Rect(bx, by, d, d);
        c.endClip();
    }
}
