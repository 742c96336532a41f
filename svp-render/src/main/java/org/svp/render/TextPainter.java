package org.svp.render;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Text;

/**
 * TEXT (protocol.md §4): fills a non-empty opaque rect with the background colour, then sets every
 * glyph pixel whose bit is 1 (rows byte-aligned, MSB = leftmost) to the foreground colour at
 * {@code (x + x_origin + col, y + y_origin + row)}. Glyphs are not clipped to the background rect, only
 * to the surface and the CLIP_DRAW clip.
 *
 * <p>Stateless; called by {@link OrderRenderer} on its thread.
 */
final class TextPainter {
    private TextPainter() {
    }

    /**
     * @return the damage
     * @throws PeerProtocolException
     *     BAD_FIELD when a glyph has fewer bitmap bytes than its size needs
     */
    static Rect text(Canvas c, Text t) {
        for (int i = 0; i < t.glyphs().size(); i++) {
            Glyph g = t.glyphs().get(i);
            long needed = (long) ((g.width() + 7) / 8) * g.height();
            if (g.width() < 0 || g.height() < 0 || g.bits() == null || g.bits().length < needed) {
                throw new PeerProtocolException(SvpStatus.BAD_FIELD, Command.TEXT.wireId(), -1,
                        "glyph " + i + " (" + g.width() + "x" + g.height() + ") needs " + needed
                                + " bitmap bytes, has " + (g.bits() == null ? 0 : g.bits().length));
            }
        }
        DamageBox damage = new DamageBox();
        if (!t.opaque().isEmpty()) {
            damage.add(BltPainter.fill(c, t.opaque(), Rop3.PATCOPY, t.bgColor()));
        }
        int fg = t.fgColor() & 0xFFFFFF;
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        for (Glyph g : t.glyphs()) {
            int rowBytes = (g.width() + 7) / 8;
            int left = g.x() + g.xOrigin();
            int top = g.y() + g.yOrigin();
            for (int row = 0; row < g.height(); row++) {
                for (int col = 0; col < g.width(); col++) {
                    int bit = (g.bits()[row * rowBytes + (col >> 3)] >> (7 - (col & 7))) & 1;
                    int x = left + col;
                    int y = top + row;
                    if (bit != 0 && c.visible(x, y)) {
                        px[y * stride + x] = fg;
                        damage.add(x, y);
                    }
                }
            }
        }
        return damage.toRect();
    }
}
