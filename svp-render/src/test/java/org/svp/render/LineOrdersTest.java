package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.Polyline;

class LineOrdersTest {
    private final Surface surface = new Surface(20, 20);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    private static Line line(int x1, int y1, int x2, int y2, int mix, int rgb) {
        return new Line(x1, y1, x2, y2, 0, 0, 0, 0, mix, rgb);
    }

    @Test
    void horizontalLineExcludesItsEndPoint() {
        Rect damage = renderer.apply(line(2, 3, 7, 3, Rop2.R2_COPYPEN, 0xFFFFFF));
        assertThat(damage).isEqualTo(new Rect(2, 3, 5, 1));
        for (int x = 0; x < 20; x++) {
            assertThat(surface.get(x, 3)).as("x=%d", x).isEqualTo(x >= 2 && x < 7 ? 0xFFFFFF : 0);
        }
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(5);
    }

    @Test
    void diagonalAndBackwardsLines() {
        renderer.apply(line(5, 5, 1, 1, Rop2.R2_COPYPEN, 0xFFFFFF));
        for (int i = 2; i <= 5; i++) {
            assertThat(surface.get(i, i)).isEqualTo(0xFFFFFF);
        }
        assertThat(surface.get(1, 1)).isZero();
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(4);
    }

    @Test
    void steepLineHasOnePixelPerRow() {
        renderer.apply(line(3, 0, 5, 10, Rop2.R2_COPYPEN, 0xFFFFFF));
        for (int y = 0; y < 10; y++) {
            int n = 0;
            for (int x = 0; x < 20; x++) {
                n += surface.get(x, y) != 0 ? 1 : 0;
            }
            assertThat(n).as("row %d", y).isEqualTo(1);
        }
        assertThat(surface.get(3, 0)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(5, 10)).isZero();
    }

    @Test
    void xorTwiceRestoresTheScreen() {
        System.arraycopy(Fixtures.ramp(400), 0, surface.pixels(), 0, 400);
        int[] before = surface.pixels().clone();
        renderer.apply(line(1, 2, 17, 13, Rop2.R2_XORPEN, 0xFFFFFF));
        assertThat(surface.pixels()).isNotEqualTo(before);
        renderer.apply(line(1, 2, 17, 13, Rop2.R2_XORPEN, 0xFFFFFF));
        assertThat(surface.pixels()).isEqualTo(before);
    }

    @Test
    void lineUsesItsMix() {
        surface.pixels()[0] = 0x0000FF;
        renderer.apply(line(0, 0, 2, 0, Rop2.R2_NOT, 0x123456));
        assertThat(surface.get(0, 0)).isEqualTo(0xFFFF00);
        assertThat(surface.get(1, 0)).isEqualTo(0xFFFFFF);
    }

    @Test
    void offScreenPartsAreClipped() {
        Rect damage = renderer.apply(line(-5, 1, 3, 1, Rop2.R2_COPYPEN, 0xFFFFFF));
        assertThat(damage).isEqualTo(new Rect(0, 1, 3, 1));
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(3);
    }

    @Test
    void xorPolylineDrawsEveryVertexButTheLastOnce() {
        // a closed square: start (2,2) -> (8,2) -> (8,8) -> (2,8) -> (2,2)
        List<Point> points = List.of(new Point(8, 2), new Point(8, 8), new Point(2, 8), new Point(2, 2));
        Rect damage = renderer.apply(new Polyline(new Point(2, 2), Rop2.R2_XORPEN, 0xFFFFFF, points));
        assertThat(damage).isEqualTo(new Rect(2, 2, 7, 7));
        assertThat(surface.get(2, 2)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(8, 2)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(8, 8)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(2, 8)).isEqualTo(0xFFFFFF);
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(24);
    }

    @Test
    void openPolylineLeavesTheLastVertex() {
        List<Point> points = List.of(new Point(5, 0), new Point(5, 3));
        renderer.apply(new Polyline(new Point(0, 0), Rop2.R2_XORPEN, 0xFFFFFF, points));
        assertThat(surface.get(5, 0)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(5, 2)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(5, 3)).isZero();
        assertThat(Fixtures.count(surface, 0xFFFFFF)).isEqualTo(8);
    }
}
