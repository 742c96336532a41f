package org.svp.vrde.sim.guest;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.message.Glyph;

/**
 * 1-bpp glyphs for TEXT orders, rasterised once per character from the JDK's monospaced font (no
 * anti-aliasing), the way a guest display driver hands GDI glyphs to VirtualBox. Falls back to a
 * hollow box per character when no font can be rendered (a JDK without fonts). Used on the guest's
 * thread.
 */
public final class GlyphFont {
    private final int cellW;
    private final int cellH;
    private final int ascent;
    private final Font font;
    private final Map<Character, byte[]> cache = new HashMap<>();

    /** @param size the font's pixel size (e.g. 16) */
    public GlyphFont(int size) {
        Font f = null;
        int w = size * 6 / 10;
        int h = size + size / 4;
        int a = size;
        try {
            f = new Font(Font.MONOSPACED, Font.PLAIN, size);
            BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
            Graphics2D g = probe.createGraphics();
            g.setFont(f);
            FontMetrics fm = g.getFontMetrics();
            w = Math.max(1, fm.charWidth('M'));
            h = Math.max(1, fm.getHeight());
            a = fm.getAscent();
            g.dispose();
        } catch (Throwable t) { // no usable font: boxes
            f = null;
        }
        this.font = f;
        this.cellW = w;
        this.cellH = h;
        this.ascent = a;
    }

    /** @return pixels a character advances */
    public int cellWidth() {
        return cellW;
    }

    /** @return pixel rows of a line */
    public int cellHeight() {
        return cellH;
    }

    private byte[] bits(char c) {
        return cache.computeIfAbsent(c, ch -> {
            int rowBytes = (cellW + 7) / 8;
            byte[] out = new byte[rowBytes * cellH];
            if (font == null) {
                for (int y = 1; y < cellH - 1; y++) {
                    for (int x = 1; x < cellW - 1; x++) {
                        if (y == 1 || y == cellH - 2 || x == 1 || x == cellW - 2) {
                            out[y * rowBytes + x / 8] |= (byte) (0x80 >> (x & 7));
                        }
                    }
                }
                return out;
            }
            BufferedImage img = new BufferedImage(cellW, cellH, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setFont(font);
            g.setColor(java.awt.Color.WHITE);
            g.drawString(String.valueOf(ch), 0, ascent);
            g.dispose();
            for (int y = 0; y < cellH; y++) {
                for (int x = 0; x < cellW; x++) {
                    if ((img.getRGB(x, y) & 0xFF) > 0x7F) {
                        out[y * rowBytes + x / 8] |= (byte) (0x80 >> (x & 7));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Glyphs for a string starting at (x, y) (top-left of the first cell); spaces become 0×0 glyphs.
     *
     * @return one glyph per character
     */
    public List<Glyph> layout(String text, int x, int y) {
        List<Glyph> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int gx = x + i * cellW;
            if (c == ' ') {
                out.add(Glyph.of(c, gx, y, 0, 0, 0, 0, new byte[0]));
            } else {
                out.add(Glyph.of(c, gx, y, cellW, cellH, 0, 0, bits(c)));
            }
        }
        return out;
    }
}
