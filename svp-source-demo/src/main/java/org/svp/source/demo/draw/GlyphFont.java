package org.svp.source.demo.draw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.svp.protocol.message.Glyph;

/**
 * A 1-bpp bitmap font for ASCII 32..126, loaded from a text resource produced once by the test-scope
 * tool {@code GlyphSetGenerator} (no font rendering at run time: a headless server may have no fonts).
 *
 * <p>Resource format (lines starting with {@code #} are comments):
 * <pre>
 * font &lt;name&gt; &lt;px&gt; ascent &lt;a&gt; descent &lt;d&gt; lineheight &lt;a+d&gt;
 * &lt;code&gt; &lt;w&gt; &lt;h&gt; &lt;x_origin&gt; &lt;y_origin&gt; &lt;advance&gt; &lt;hex rows | -&gt;
 * </pre>
 * {@code x_origin, y_origin} place the bitmap's top-left relative to the pen position on the baseline,
 * which is how TEXT draws ({@code (x + x_origin, y + y_origin)}, protocol.md §4). Immutable and
 * thread-safe.
 */
public final class GlyphFont {

    /** Classpath location of the committed DejaVu Sans Mono 14 px set. */
    public static final String DEJAVU_SANS_MONO_14 = "/org/svp/source/demo/dejavu-sans-mono-14.glyphs";

    /**
     * One glyph of the set.
     *
     * @param code ASCII code
     * @param width bitmap columns (0 for a blank glyph)
     * @param height bitmap rows
     * @param xOrigin bitmap left relative to the pen
     * @param yOrigin bitmap top relative to the baseline (negative above it)
     * @param advance pen advance in pixels
     * @param bits rows of {@code (width + 7) / 8} bytes, MSB = leftmost pixel
     */
    public record GlyphBits(int code, int width, int height, int xOrigin, int yOrigin, int advance, byte[] bits) {
    }

    private final GlyphBits[] glyphs = new GlyphBits[128];
    private final int ascent;
    private final int descent;
    private final int lineHeight;
    private final int count;

    private GlyphFont(List<GlyphBits> list, int ascent, int descent, int lineHeight) {
        for (GlyphBits g : list) {
            glyphs[g.code()] = g;
        }
        this.ascent = ascent;
        this.descent = descent;
        this.lineHeight = lineHeight;
        this.count = list.size();
        if (glyphs['?'] == null || glyphs[' '] == null) {
            throw new IllegalArgumentException("glyph set lacks ' ' or '?'");
        }
    }

    /** @return the committed DejaVu Sans Mono 14 px set */
    public static GlyphFont dejaVuSansMono14() {
        return load(DEJAVU_SANS_MONO_14);
    }

    /**
     * @param resource classpath resource in the format above
     * @return the font
     * @throws UncheckedIOException if the resource is missing or unreadable
     * @throws IllegalArgumentException if it is malformed
     */
    public static GlyphFont load(String resource) {
        try (InputStream in = GlyphFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("glyph resource not found: " + resource));
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glyph resource " + resource, e);
        }
    }

    private static GlyphFont parse(BufferedReader reader) throws IOException {
        List<GlyphBits> list = new ArrayList<>();
        int ascent = -1;
        int descent = -1;
        int lineHeight = -1;
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f[0].equals("font")) {
                    ascent = Integer.parseInt(f[4]);
                    descent = Integer.parseInt(f[6]);
                    lineHeight = Integer.parseInt(f[8]);
                    continue;
                }
                int code = Integer.parseInt(f[0]);
                int w = Integer.parseInt(f[1]);
                int h = Integer.parseInt(f[2]);
                byte[] bits = f[6].equals("-") ? new byte[0] : HexFormat.of().parseHex(f[6]);
                if (code < 32 || code > 126 || w < 0 || h < 0 || bits.length != ((w + 7) / 8) * h) {
                    throw new IllegalArgumentException("bad glyph at line " + lineNo + ": " + line);
                }
                list.add(new GlyphBits(code, w, h, Integer.parseInt(f[3]), Integer.parseInt(f[4]),
                        Integer.parseInt(f[5]), bits));
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException("bad glyph line " + lineNo + ": " + line, e);
            }
        }
        if (ascent < 0) {
            throw new IllegalArgumentException("glyph set has no font line");
        }
        return new GlyphFont(list, ascent, descent, lineHeight);
    }

    /** @return how many glyphs the set holds (95 for the full printable ASCII range) */
    public int glyphCount() {
        return count;
    }

    /** @return pixels from the top of a line to its baseline */
    public int ascent() {
        return ascent;
    }

    /** @return pixels below the baseline */
    public int descent() {
        return descent;
    }

    /** @return distance between baselines */
    public int lineHeight() {
        return lineHeight;
    }

    /** @return the pen advance (the font is monospaced) */
    public int advance() {
        return glyphs['M'] != null ? glyphs['M'].advance() : glyphs['?'].advance();
    }

    /**
     * @param c a character
     * @return its glyph, or the one of {@code '?'} for characters outside the set
     */
    public GlyphBits glyph(char c) {
        GlyphBits g = c < glyphs.length ? glyphs[c] : null;
        return g != null ? g : glyphs['?'];
    }

    /**
     * Lays out a string as TEXT glyphs.
     *
     * @param s the characters
     * @param x pen position of the first character
     * @param baseline baseline row
     * @return one glyph per character; handle = character code
     */
    public List<Glyph> layout(String s, int x, int baseline) {
        List<Glyph> out = new ArrayList<>(s.length());
        int pen = x;
        for (int i = 0; i < s.length(); i++) {
            GlyphBits g = glyph(s.charAt(i));
            out.add(Glyph.of(g.code(), pen, baseline, g.width(), g.height(), g.xOrigin(), g.yOrigin(), g.bits()));
            pen += g.advance();
        }
        return out;
    }
}
