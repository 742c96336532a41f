package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class TileGridTest {
    @Test
    void runsOfTilesJoinIntoFewReadRects() {
        TileGrid g = new TileGrid(300, 200);
        g.mark(new Rect(10, 10, 100, 100)); // tiles (0..1, 0..1)
        g.mark(new Rect(290, 150, 5, 5)); // a tile clipped by the right edge
        assertThat(g.readRects()).containsExactlyInAnyOrder(new Rect(0, 0, 128, 128), new Rect(256, 128, 44, 64));
        g.clear();
        assertThat(g.isEmpty()).isTrue();
        assertThat(g.readRects()).isEmpty();
    }

    @Test
    void damageOutsideTheScreenIsIgnored() {
        TileGrid g = new TileGrid(100, 100);
        g.mark(new Rect(-50, -50, 20, 20));
        assertThat(g.isEmpty()).isTrue();
    }
}
