package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class DamageBandsTest {
    @Test
    void equallyWideStackedBandsBecomeOneRectangle() {
        List<Rect> out = DamageBands.join(List.of(new Rect(10, 40, 200, 30), new Rect(10, 0, 200, 40), new Rect(300, 0, 50, 40)));
        assertThat(out).containsExactlyInAnyOrder(new Rect(10, 0, 200, 70), new Rect(300, 0, 50, 40));
    }

    @Test
    void anLShapedTerminalIsSearchedOverItsSharedColumnsWithTheExtraColumnsApart() {
        // a terminal at x 3..643 whose upper band X narrowed to 3..630 (what a bench run's trace showed)
        List<Rect> out = DamageBands.join(List.of(new Rect(3, 22, 627, 413), new Rect(3, 435, 640, 247)));
        assertThat(out).containsExactlyInAnyOrder(new Rect(3, 22, 627, 660), new Rect(630, 435, 13, 247));
    }

    @Test
    void threeBandsAroundAWindowChainIntoTheColumnsAllShare() {
        List<Rect> out = DamageBands.join(List.of(new Rect(0, 0, 400, 100), new Rect(0, 100, 300, 50), new Rect(0, 150, 400, 100)));
        assertThat(out).containsExactlyInAnyOrder(new Rect(0, 0, 300, 250), new Rect(300, 0, 100, 100),
                new Rect(300, 150, 100, 100));
    }

    @Test
    void bandsSharingLittleOfTheWiderOneStayApart() {
        List<Rect> in = List.of(new Rect(0, 0, 640, 100), new Rect(600, 100, 200, 50), new Rect(0, 150, 20, 50));
        assertThat(DamageBands.join(in)).containsExactlyInAnyOrderElementsOf(in);
    }

    @Test
    void randomBandedRegionsGiveDisjointRectanglesCoveringExactlyTheDamage() {
        Random rnd = new Random(7);
        for (int round = 0; round < 500; round++) {
            int w = 300;
            int h = 200;
            boolean[] damaged = new boolean[w * h];
            List<Rect> in = new ArrayList<>();
            int y = 0;
            while (y < h) { // bands: a height, then disjoint x runs
                int bh = 1 + rnd.nextInt(60);
                int x = rnd.nextInt(40);
                while (x < w) {
                    int rw = 1 + rnd.nextInt(200);
                    Rect r = new Rect(x, y, Math.min(rw, w - x), Math.min(bh, h - y));
                    in.add(r);
                    mark(damaged, w, r, null);
                    x = r.right() + 1 + rnd.nextInt(80);
                }
                y += bh;
            }
            boolean[] covered = new boolean[w * h];
            for (Rect r : DamageBands.join(in)) {
                assertThat(r.width()).isPositive();
                assertThat(r.height()).isPositive();
                mark(covered, w, r, damaged); // inside the damage, and no pixel twice
            }
            assertThat(covered).as("round %d", round).isEqualTo(damaged);
        }
    }

    private static void mark(boolean[] px, int w, Rect r, boolean[] allowed) {
        for (int y = r.y(); y < r.bottom(); y++) {
            for (int x = r.x(); x < r.right(); x++) {
                if (allowed != null) {
                    assertThat(allowed[y * w + x]).as("inside the damage at %d,%d", x, y).isTrue();
                    assertThat(px[y * w + x]).as("covered once at %d,%d", x, y).isFalse();
                }
                px[y * w + x] = true;
            }
        }
    }
}
