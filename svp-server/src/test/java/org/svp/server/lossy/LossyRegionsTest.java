package org.svp.server.lossy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

/**
 * The lossy refresh's bookkeeping: a SCREEN_BLT that copies pixels sent lossy makes their destination
 * pending too (a window moved before its photo's refresh), with the same quiet time.
 */
class LossyRegionsTest {
    private static final long QUIET = 300;

    @Test
    void aBltOfLossyPixelsMakesTheirDestinationPendingToo() {
        LossyRegions r = new LossyRegions();
        r.note(new Rect(100, 100, 200, 100), 1_000, QUIET);
        // a window whose left half holds part of the photo moves 50 right and 20 down
        r.copied(new Rect(0, 120, 150, 50), 50, 20);
        // an unrelated blt copies nothing lossy
        r.copied(new Rect(500, 500, 10, 10), -5, 0);
        assertThat(r.pending()).isEqualTo(2);
        assertThat(r.takeStill(1_000 + QUIET - 1)).as("not still yet").isEmpty();
        assertThat(r.takeStill(1_000 + QUIET)).containsExactly(new Rect(100, 100, 200, 100), new Rect(150, 140, 50, 50));
        assertThat(r.pending()).isZero();
    }

    @Test
    void aBltOnAServerWithNothingPendingAddsNothing() {
        LossyRegions r = new LossyRegions();
        r.copied(new Rect(0, 0, 100, 100), 10, 10);
        assertThat(r.pending()).isZero();
    }
}
