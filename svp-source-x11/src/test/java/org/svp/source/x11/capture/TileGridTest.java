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
        // each run of tiles is read only where it was damaged
        assertThat(g.readRects()).containsExactlyInAnyOrder(new Rect(10, 10, 100, 100), new Rect(290, 150, 5, 5));
        g.clear();
        assertThat(g.isEmpty()).isTrue();
        assertThat(g.readRects()).isEmpty();
    }

    @Test
    void eachTileKnowsItsDamageAndARunIsReadOverAllOfIt() {
        TileGrid g = new TileGrid(300, 200);
        g.mark(new Rect(10, 10, 5, 5));
        g.mark(new Rect(100, 20, 5, 5));
        g.mark(new Rect(12, 40, 2, 2)); // same tile again: its box grows
        assertThat(g.damage(0, 0)).isEqualTo(new Rect(10, 10, 5, 32));
        assertThat(g.damage(1, 0)).isEqualTo(new Rect(100, 20, 5, 5));
        // neighbouring tiles are one read: what lies between their damage boxes is read too
        assertThat(g.readRects()).containsExactly(new Rect(10, 10, 95, 32));
        g.mark(new Rect(60, 60, 10, 10)); // across four tiles
        assertThat(g.damage(1, 1)).isEqualTo(new Rect(64, 64, 6, 6));
        assertThat(g.damage(0, 1)).isEqualTo(new Rect(60, 64, 4, 6));
    }

    @Test
    void damageOutsideTheScreenIsIgnored() {
        TileGrid g = new TileGrid(100, 100);
        g.mark(new Rect(-50, -50, 20, 20));
        assertThat(g.isEmpty()).isTrue();
    }
}
