package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;

class FillOrdersTest {
    private final Surface surface = Fixtures.filled(20, 10, 0x0000FF);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    @Test
    void solidRectFillsExactlyItsRect() {
        Rect damage = renderer.apply(new SolidRect(new Rect(2, 3, 4, 5), 0xFF112233));
        assertThat(damage).isEqualTo(new Rect(2, 3, 4, 5));
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 20; x++) {
                boolean inside = x >= 2 && x < 6 && y >= 3 && y < 8;
                assertThat(surface.get(x, y)).as("(%d,%d)", x, y).isEqualTo(inside ? 0x112233 : 0x0000FF);
            }
        }
    }

    @Test
    void solidRectIsClippedToTheSurface() {
        Rect damage = renderer.apply(new SolidRect(new Rect(-5, 8, 7, 100), 0xFFFFFF));
        assertThat(damage).isEqualTo(new Rect(0, 8, 2, 2));
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(4);
        assertThat(renderer.apply(new SolidRect(new Rect(30, 30, 5, 5), 0)).isEmpty()).isTrue();
    }

    @Test
    void solidBltCombinesColourAndDestination() {
        renderer.apply(new SolidBlt(new Rect(0, 0, 2, 1), 0x0000FF, Rop3.PATINVERT));
        assertThat(surface.get(0, 0)).isEqualTo(0);
        assertThat(surface.get(2, 0)).isEqualTo(0x0000FF);
        renderer.apply(new SolidBlt(new Rect(0, 0, 1, 1), 0x00FF00, Rop3.PATPAINT));
        assertThat(surface.get(0, 0)).isEqualTo(0xFFFFFF);
    }

    @Test
    void dstBltInvertsAndBlackens() {
        renderer.apply(new DstBlt(new Rect(1, 1, 1, 1), Rop3.DSTINVERT));
        renderer.apply(new DstBlt(new Rect(2, 1, 1, 1), Rop3.BLACKNESS));
        renderer.apply(new DstBlt(new Rect(3, 1, 1, 1), Rop3.WHITENESS));
        assertThat(surface.get(1, 1)).isEqualTo(0xFFFF00);
        assertThat(surface.get(2, 1)).isEqualTo(0);
        assertThat(surface.get(3, 1)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(4, 1)).isEqualTo(0x0000FF);
    }

    @Test
    void patternBrushFollowsBitsAndOffsetsOfTheV1Vector() {
        // display-15-pattern_blt_brush: brush 1,2 fg 0x112233 bg 0x445566 rop PATCOPY
        byte[] pattern = HexFormat.ofDelimiter(" ").parseHex("aa 55 aa 55 f0 0f ff 00");
        Surface big = new Surface(240, 240);
        OrderRenderer r = new OrderRenderer(big);
        r.apply(new PatternBltBrush(new Rect(200, 210, 16, 16), 1, 2, 0x112233, 0x445566, 0xF0, pattern));
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int bit = (pattern[(y + 2) & 7] >> ((x + 1) & 7)) & 1;
                assertThat(big.get(200 + x, 210 + y)).isEqualTo(bit == 1 ? 0x112233 : 0x445566);
            }
        }
        // row 0 uses pattern[2] = 0xaa; column 0 uses bit 1 (set) -> fg; column 1 bit 2 (clear) -> bg
        assertThat(big.get(200, 210)).isEqualTo(0x112233);
        assertThat(big.get(201, 210)).isEqualTo(0x445566);
        // row 2 uses pattern[4] = 0xf0: bits 1..3 clear, bits 4..7 set -> columns 3..6 fg
        assertThat(big.get(202, 212)).isEqualTo(0x445566);
        assertThat(big.get(203, 212)).isEqualTo(0x112233);
        assertThat(big.get(199, 210)).isZero();
    }

    @Test
    void negativeBrushOffsetsWrap() {
        byte[] pattern = {1, 0, 0, 0, 0, 0, 0, 0};
        renderer.apply(new PatternBltBrush(new Rect(0, 0, 8, 8), -1, -1, 0xFFFFFF, 0, Rop3.PATCOPY, pattern));
        // (x - 1) & 7 == 0 -> x = 1; (y - 1) & 7 == 0 -> y = 1
        assertThat(surface.get(1, 1)).isEqualTo(0xFFFFFF);
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(1);
    }

    @Test
    void patternBrushWithXorRop() {
        byte[] allSet = {-1, -1, -1, -1, -1, -1, -1, -1};
        renderer.apply(new PatternBltBrush(new Rect(0, 0, 2, 2), 0, 0, 0x0000FF, 0, Rop3.PATINVERT, allSet));
        assertThat(surface.get(0, 0)).isZero();
        assertThat(surface.get(2, 0)).isEqualTo(0x0000FF);
    }

    @Test
    void screenResizeMakesANewBlackCanvas() {
        Rect damage = renderer.apply(new ScreenResize(7, 3));
        assertThat(damage).isEqualTo(new Rect(0, 0, 7, 3));
        assertThat(surface.width()).isEqualTo(7);
        assertThat(surface.pixels()).hasSize(21).containsOnly(0);
    }

    @Test
    void badRopIsABadField() {
        assertThatThrownBy(() -> renderer.apply(new DstBlt(new Rect(0, 0, 1, 1), 300)))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("DST_BLT")
                .satisfies(e -> assertThat(((PeerProtocolException) e).status()).isEqualTo(SvpStatus.BAD_FIELD));
        assertThatThrownBy(() -> renderer.apply(new ScreenResize(-1, 5))).isInstanceOf(PeerProtocolException.class);
    }
}
