package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

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

    @Test
    void aMoveCarriesTheWindowsAboveIt() {
        WindowTracker t = new WindowTracker();
        Rect terminal = new Rect(0, 0, 150, 400);
        t.mapped(1, new Rect(100, 100, 200, 100)); // the dragged window, below
        t.mapped(2, terminal); // created later: on top
        WindowMove m = t.configured(1, new Rect(120, 100, 200, 100), 0);
        assertThat(m.coverFrom()).containsExactly(terminal);
        assertThat(m.coverTo()).containsExactly(terminal);
        assertThat(t.configured(2, new Rect(10, 0, 150, 400), 1).coverTo()).as("the top one").isEmpty();
        // raised above the terminal (same place): nothing covers it any more
        assertThat(t.configured(1, new Rect(120, 100, 200, 100), 2)).isNull();
        assertThat(t.configured(1, new Rect(130, 100, 200, 100), 2).coverTo()).isEmpty();
        t.circulated(1, false); // lowered to the bottom
        assertThat(t.configured(1, new Rect(140, 100, 200, 100), 0).coverFrom()).containsExactly(new Rect(10, 0, 150, 400));
        t.gone(2); // unmapped: covers nothing, keeps its place
        assertThat(t.configured(1, new Rect(150, 100, 200, 100), 0).coverTo()).isEmpty();
    }

    @Test
    void theCopyOfAPartlyCoveredWindowLeavesTheCoverOut() {
        Rect terminal = new Rect(0, 0, 150, 400);
        WindowMove m = new WindowMove(new Rect(100, 100, 200, 100), 120, 100, List.of(terminal), List.of(terminal));
        // visible before: x 150..300 of the window; after: 150..320; both (in the new place): 170..320
        assertThat(m.blit(1000, 1000)).isEqualTo(new ScreenBlt(new Rect(170, 100, 150, 100), 150, 100, 0xCC));
        assertThat(new WindowMove(new Rect(100, 100, 200, 100), 120, 100, List.of(), List.of(new Rect(0, 0, 1000, 1000)))
                .blit(1000, 1000)).as("wholly covered").isNull();
        assertThat(new WindowMove(new Rect(100, 100, 200, 100), 120, 100, List.of(new Rect(0, 0, 10, 10)), List.of())
                .blit(1000, 1000)).as("a cover elsewhere").isEqualTo(new ScreenBlt(new Rect(120, 100, 200, 100), 100, 100, 0xCC));
    }
}
