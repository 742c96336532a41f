package org.svp.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RectTest {
    @Test
    void minusLeavesTheFourSidesOfTheCut() {
        Rect r = new Rect(0, 0, 10, 10);
        assertThat(r.minus(new Rect(3, 4, 2, 2))).containsExactly(new Rect(0, 0, 10, 4), new Rect(0, 6, 10, 4),
                new Rect(0, 4, 3, 2), new Rect(5, 4, 5, 2));
        assertThat(r.minus(new Rect(5, -5, 20, 20))).as("the right half cut").containsExactly(new Rect(0, 0, 5, 10));
        assertThat(r.minus(new Rect(20, 20, 5, 5))).as("apart").containsExactly(r);
        assertThat(r.minus(new Rect(-1, -1, 12, 12))).as("covered").isEmpty();
        assertThat(new Rect(3, 3, 0, 0).minus(r)).as("empty").isEmpty();
    }

    @Test
    void minusPiecesCoverExactlyWhatIsLeft() {
        Rect r = new Rect(2, 3, 17, 11);
        Rect cut = new Rect(7, 1, 6, 8);
        int[] hits = new int[30 * 30];
        for (Rect p : r.minus(cut)) {
            for (int y = p.y(); y < p.bottom(); y++) {
                for (int x = p.x(); x < p.right(); x++) {
                    hits[y * 30 + x]++;
                }
            }
        }
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 30; x++) {
                boolean inR = x >= r.x() && x < r.right() && y >= r.y() && y < r.bottom();
                boolean inCut = x >= cut.x() && x < cut.right() && y >= cut.y() && y < cut.bottom();
                assertThat(hits[y * 30 + x]).as("pixel %d,%d", x, y).isEqualTo(inR && !inCut ? 1 : 0);
            }
        }
    }
}
