package org.svp.source.demo.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.message.Glyph;

class GlyphFontTest {

    @Test
    void committedResourceHoldsAllNinetyFivePrintableGlyphs() {
        GlyphFont font = GlyphFont.dejaVuSansMono14();
        assertThat(font.glyphCount()).isEqualTo(95);
        for (char c = 32; c <= 126; c++) {
            assertThat(font.glyph(c).code()).as("glyph of %s", c).isEqualTo(c);
        }
        assertThat(font.advance()).isEqualTo(8);
        assertThat(font.lineHeight()).isEqualTo(font.ascent() + font.descent());
    }

    @Test
    void glyphsAreRealBitmapsPlacedAboveTheBaseline() {
        GlyphFont font = GlyphFont.dejaVuSansMono14();
        GlyphFont.GlyphBits space = font.glyph(' ');
        assertThat(space.width()).isZero();
        GlyphFont.GlyphBits m = font.glyph('M');
        assertThat(m.width()).isBetween(5, 8);
        assertThat(m.height()).isBetween(8, 12);
        assertThat(m.yOrigin()).isEqualTo(-m.height());
        int set = 0;
        for (byte b : m.bits()) {
            set += Integer.bitCount(b & 0xFF);
        }
        assertThat(set).isGreaterThan(15);
        assertThat(font.glyph('g').yOrigin() + font.glyph('g').height()).as("descender").isPositive();
    }

    @Test
    void layoutAdvancesThePenAndFallsBackToQuestionMark() {
        GlyphFont font = GlyphFont.dejaVuSansMono14();
        List<Glyph> glyphs = font.layout("a\u00e9b", 100, 50);
        assertThat(glyphs).extracting(Glyph::x).containsExactly(100, 108, 116);
        assertThat(glyphs).extracting(Glyph::y).containsOnly(50);
        assertThat(glyphs.get(1).handle()).isEqualTo('?');
        assertThat(glyphs.get(0).size()).isEqualTo(Glyph.minimumSize(glyphs.get(0).width(), glyphs.get(0).height()));
    }
}
