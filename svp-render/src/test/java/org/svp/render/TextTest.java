package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Text;

class TextTest {
    /** The "A" of display-25-text: 8×8 at (100,301), origin (0,1). */
    private static final byte[] A = HexFormat.ofDelimiter(" ").parseHex("18 24 42 7e 42 42 42 00");

    private final Surface surface = Fixtures.filled(140, 320, 0x0000FF);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    @Test
    void drawsTheV1GoldenText() {
        Glyph a = new Glyph(32, 0x1122334455667788L, 100, 301, 8, 8, 0, 1, A);
        Glyph box = new Glyph(32, 0x99AABBCCDDEEFF00L, 110, 303, 10, 4, 2, 3,
                HexFormat.ofDelimiter(" ").parseHex("ff c0 80 40 80 40 ff c0"));
        Rect bg = new Rect(100, 300, 20, 10);
        Rect damage = renderer.apply(new Text(bg, bg, 10, 0, 0, 0xFFFFFF, 0x000000, List.of(a, box)));
        for (int row = 0; row < 8; row++) {
            for (int col = 0; col < 8; col++) {
                boolean set = ((A[row] >> (7 - col)) & 1) != 0;
                assertThat(surface.get(100 + col, 302 + row)).as("A (%d,%d)", col, row)
                        .isEqualTo(set ? 0xFFFFFF : 0x000000);
            }
        }
        // the box glyph: drawn at (112, 306); its top row is 10 set pixels, its second row only the ends
        for (int col = 0; col < 10; col++) {
            assertThat(surface.get(112 + col, 306)).isEqualTo(0xFFFFFF);
            int unset = 112 + col < 120 ? 0x000000 : 0x0000FF; // bg rect ends at x = 120
            assertThat(surface.get(112 + col, 307)).isEqualTo(col == 0 || col == 9 ? 0xFFFFFF : unset);
        }
        // background filled, outside untouched; the box glyph runs past the bg rect (no clipping to it)
        assertThat(surface.get(119, 300)).isZero();
        assertThat(surface.get(99, 300)).isEqualTo(0x0000FF);
        assertThat(surface.get(121, 306)).isEqualTo(0xFFFFFF);
        assertThat(damage).isEqualTo(new Rect(100, 300, 22, 10));
    }

    @Test
    void transparentTextKeepsTheBackground() {
        Glyph a = Glyph.of(1, 10, 10, 8, 8, 0, 1, A);
        renderer.apply(new Text(new Rect(10, 10, 8, 9), new Rect(0, 0, 0, 0), 8, 0, 0, 0xFFFFFF, 0, List.of(a)));
        assertThat(surface.get(10, 11)).isEqualTo(0x0000FF);
        assertThat(surface.get(13, 11)).isEqualTo(0xFFFFFF);
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(2 + 2 + 2 + 6 + 2 + 2 + 2);
    }

    @Test
    void aShortGlyphBitmapIsRefusedByTheRecord() {
        assertThatThrownBy(() -> new Glyph(32, 1, 0, 0, 8, 8, 0, 0, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 bitmap bytes");
    }
}
