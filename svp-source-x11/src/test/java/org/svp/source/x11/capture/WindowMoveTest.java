package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

class WindowMoveTest {
    private static final int W = 200;
    private static final int H = 150;

    /** A window covered at a corner is visible as an L: two copies, the larger leg first; none of the cover. */
    @Test
    void aWindowCoveredAtACornerMovesAsTwoCopies() {
        Rect corner = new Rect(150, 20, 100, 50);
        WindowMove m = new WindowMove(new Rect(40, 40, 130, 60), 50, 40, List.of(corner), List.of(corner));
        // visible at the new place: x 50..180, y 40..100 less x 150..180, y 40..70: the legs are
        // 130 × 30 below the corner and 100 × 30 beside it
        assertThat(m.blits(W, H)).containsExactlyInAnyOrder(new ScreenBlt(new Rect(50, 70, 130, 30), 40, 70, 0xCC),
                new ScreenBlt(new Rect(50, 40, 100, 30), 40, 40, 0xCC));
        assertThat(m.blit(W, H)).isEqualTo(new ScreenBlt(new Rect(50, 70, 130, 30), 40, 70, 0xCC));
    }

    /**
     * Whatever the covers and the offset, the copies applied in their order put at every pixel they
     * write what was at its source before the move (none reads what another one wrote), and write
     * nothing that a window above covers.
     */
    @Test
    void theCopiesTogetherAreTheWindowsOwnPixelsMoved() {
        Random rnd = new Random(7);
        for (int round = 0; round < 500; round++) {
            Rect from = new Rect(rnd.nextInt(W) - 20, rnd.nextInt(H) - 20, 20 + rnd.nextInt(120), 20 + rnd.nextInt(90));
            List<Rect> before = covers(rnd);
            List<Rect> after = rnd.nextBoolean() ? before : covers(rnd);
            WindowMove m = new WindowMove(from, from.x() + rnd.nextInt(61) - 30, from.y() + rnd.nextInt(61) - 30,
                    before, after);
            int[] frame = new int[W * H];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = i;
            }
            int[] moved = frame.clone();
            List<ScreenBlt> blts = m.blits(W, H);
            for (ScreenBlt b : blts) {
                ScrollDetector.apply(b, moved, W);
            }
            int dx = m.toX() - from.x();
            int dy = m.toY() - from.y();
            for (ScreenBlt b : blts) {
                Rect r = b.rect();
                assertThat(b.srcX()).isEqualTo(r.x() - dx);
                assertThat(b.srcY()).isEqualTo(r.y() - dy);
                for (int y = r.y(); y < r.bottom(); y++) {
                    for (int x = r.x(); x < r.right(); x++) {
                        assertThat(moved[y * W + x]).as("round %d, %d,%d of %s", round, x, y, blts)
                                .isEqualTo(frame[(y - dy) * W + x - dx]);
                        for (Rect c : after) {
                            assertThat(x >= c.x() && x < c.right() && y >= c.y() && y < c.bottom()).isFalse();
                        }
                    }
                }
            }
        }
    }

    private static List<Rect> covers(Random rnd) {
        List<Rect> out = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
            out.add(new Rect(rnd.nextInt(W), rnd.nextInt(H), 10 + rnd.nextInt(80), 10 + rnd.nextInt(60)));
        }
        return out;
    }
}
