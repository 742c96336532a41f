package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class WindowTrackerTest {
    @Test
    void aSameSizeConfigureOfAMappedWindowIsAMove() {
        WindowTracker t = new WindowTracker();
        t.mapped(7, new Rect(10, 20, 300, 200));
        assertThat(t.configured(7, new Rect(50, 20, 300, 200))).isEqualTo(new WindowMove(new Rect(10, 20, 300, 200), 50, 20));
        assertThat(t.configured(7, new Rect(50, 20, 300, 200))).as("restack only").isNull();
        assertThat(t.configured(7, new Rect(60, 30, 310, 200))).as("resized").isNull();
        assertThat(t.configured(7, new Rect(70, 30, 310, 200))).isEqualTo(new WindowMove(new Rect(60, 30, 310, 200), 70, 30));
    }

    @Test
    void unmappedOrUnknownWindowsAreNotMoves() {
        WindowTracker t = new WindowTracker();
        assertThat(t.configured(1, new Rect(0, 0, 10, 10))).isNull();
        t.mapped(1, new Rect(0, 0, 10, 10));
        t.gone(1);
        assertThat(t.configured(1, new Rect(5, 5, 10, 10))).isNull();
        assertThat(t.size()).isZero();
    }
}
