package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Ellipse;

class EllipseTest {
    private static Surface draw(int x1, int y1, int x2, int y2, int mix, int fill) {
        Surface s = new Surface(40, 40);
        new OrderRenderer(s).apply(new Ellipse(new Point(x1, y1), new Point(x2, y2), mix, fill, 0xFFFFFF));
        return s;
    }

    @ParameterizedTest
    @CsvSource({"5,5,25,15", "25,15,5,5", "3,4,14,30", "0,0,9,9", "10,10,11,20", "4,4,30,5"})
    void staysInsideTheBoxAndTouchesEveryEdge(int x1, int y1, int x2, int y2) {
        Surface s = draw(x1, y1, x2, y2, Rop2.R2_COPYPEN, 0);
        int x0 = Math.min(x1, x2);
        int xe = Math.max(x1, x2);
        int y0 = Math.min(y1, y2);
        int ye = Math.max(y1, y2);
        int minX = 99;
        int maxX = -1;
        int minY = 99;
        int maxY = -1;
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                if (s.get(x, y) != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(new int[] {minX, maxX, minY, maxY}).containsExactly(x0, xe - 1, y0, ye - 1);
    }

    @Test
    void outlineLeavesTheInsideAlone() {
        Surface outline = draw(5, 5, 25, 15, Rop2.R2_COPYPEN, 0);
        Surface filled = draw(5, 5, 25, 15, Rop2.R2_COPYPEN, 1);
        assertThat(outline.get(15, 10)).isZero();
        assertThat(filled.get(15, 10)).isEqualTo(0xFFFFFF);
        // the outline is part of the filled shape, and the filled shape is one span per row
        for (int y = 0; y < 40; y++) {
            int first = -1;
            int last = -1;
            for (int x = 0; x < 40; x++) {
                if (outline.get(x, y) != 0) {
                    assertThat(filled.get(x, y)).isEqualTo(0xFFFFFF);
                }
                if (filled.get(x, y) != 0) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            for (int x = first; first >= 0 && x <= last; x++) {
                assertThat(filled.get(x, y)).isEqualTo(0xFFFFFF);
            }
        }
        assertThat(Fixtures.count(outline, 0xFFFFFF)).isLessThan(Fixtures.count(filled, 0xFFFFFF));
    }

    @Test
    void shapeIsSymmetric() {
        Surface s = draw(5, 5, 25, 16, Rop2.R2_COPYPEN, 0);
        for (int y = 5; y < 16; y++) {
            for (int x = 5; x < 25; x++) {
                assertThat(s.get(x, y)).isEqualTo(s.get(29 - x, y)).isEqualTo(s.get(x, 20 - y));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0", "1"})
    void xorTouchesEachPixelOnce(int fill) {
        // from black, XOR with white gives white only where a pixel was touched an odd number of times
        Surface xor = draw(3, 4, 31, 22, Rop2.R2_XORPEN, fill);
        Surface copy = draw(3, 4, 31, 22, Rop2.R2_COPYPEN, fill);
        assertThat(xor.pixels()).isEqualTo(copy.pixels());
        OrderRenderer again = new OrderRenderer(xor);
        again.apply(new Ellipse(new Point(3, 4), new Point(31, 22), Rop2.R2_XORPEN, fill, 0xFFFFFF));
        assertThat(xor.pixels()).containsOnly(0);
    }

    @Test
    void outlineIsConnected() {
        Surface s = draw(2, 2, 36, 20, Rop2.R2_COPYPEN, 0);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                if (s.get(x, y) == 0) {
                    continue;
                }
                int neighbours = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx != 0 || dy != 0) && s.get(x + dx, y + dy) != 0) {
                            neighbours++;
                        }
                    }
                }
                assertThat(neighbours).as("(%d,%d)", x, y).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void emptyBoxDrawsNothingAndDamageIsTheBox() {
        assertThat(draw(5, 5, 5, 20, Rop2.R2_COPYPEN, 1).pixels()).containsOnly(0);
        Surface s = new Surface(40, 40);
        Rect damage = new OrderRenderer(s).apply(
                new Ellipse(new Point(5, 6), new Point(15, 12), Rop2.R2_COPYPEN, 1, 0xFFFFFF));
        assertThat(damage).isEqualTo(new Rect(5, 6, 10, 6));
    }
}
