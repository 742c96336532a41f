package org.svp.source.demo.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class RegionsTest {

    /** @return how often each pixel of a 100x100 area is covered by the rects */
    private static int[] coverage(List<Rect> rects) {
        int[] n = new int[100 * 100];
        for (Rect r : rects) {
            for (int y = r.y(); y < r.bottom(); y++) {
                for (int x = r.x(); x < r.right(); x++) {
                    n[y * 100 + x]++;
                }
            }
        }
        return n;
    }

    @Test
    void subtractLeavesExactlyThePixelsOutsideTheCutOnce() {
        List<Rect> region = List.of(new Rect(10, 10, 50, 40), new Rect(60, 10, 20, 20));
        Rect cut = new Rect(30, 5, 40, 20);
        List<Rect> left = Regions.subtract(region, cut);
        int[] n = coverage(left);
        int[] before = coverage(region);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                boolean inCut = x >= 30 && x < 70 && y >= 5 && y < 25;
                assertThat(n[y * 100 + x]).as("(%d,%d)", x, y).isEqualTo(inCut ? 0 : before[y * 100 + x]);
            }
        }
        assertThat(left).allSatisfy(r -> assertThat(r.isEmpty()).isFalse());
    }

    @Test
    void subtractingACoveringRectLeavesNothingAndADisjointOneLeavesAll() {
        List<Rect> region = List.of(new Rect(10, 10, 20, 20));
        assertThat(Regions.subtract(region, new Rect(0, 0, 50, 50))).isEmpty();
        assertThat(Regions.subtract(region, new Rect(40, 40, 5, 5))).isEqualTo(region);
        assertThat(Regions.intersect(region, new Rect(25, 25, 50, 50))).containsExactly(new Rect(25, 25, 5, 5));
    }
}
