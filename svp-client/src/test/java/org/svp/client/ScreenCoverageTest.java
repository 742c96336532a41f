package org.svp.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

/** Coverage of the first picture: every pixel, clipped to the screen, started over on resize. */
class ScreenCoverageTest {
    @Test
    void fullOnlyWhenEveryPixelIsDrawn() {
        ScreenCoverage c = new ScreenCoverage();
        c.reset(10, 4);
        c.drawn(new Rect(0, 0, 10, 3));
        c.drawn(new Rect(0, 3, 9, 1));
        assertThat(c.full()).isFalse();
        c.drawn(new Rect(9, 3, 1, 1));
        assertThat(c.full()).isTrue();
    }

    @Test
    void areasOutsideTheScreenDoNotCount() {
        ScreenCoverage c = new ScreenCoverage();
        c.reset(10, 4);
        c.drawn(new Rect(-5, -5, 8, 20)); // covers columns 0..2 only
        c.drawn(new Rect(10, 0, 50, 4));
        assertThat(c.full()).isFalse();
        c.drawn(new Rect(3, 0, 100, 100));
        assertThat(c.full()).isTrue();
    }

    @Test
    void aResizeStartsOver() {
        ScreenCoverage c = new ScreenCoverage();
        c.reset(4, 4);
        c.drawn(new Rect(0, 0, 4, 4));
        assertThat(c.full()).isTrue();
        c.reset(8, 4);
        assertThat(c.full()).isFalse();
        c.reset(0, 0);
        assertThat(c.full()).as("an empty screen has nothing to draw").isTrue();
    }
}
