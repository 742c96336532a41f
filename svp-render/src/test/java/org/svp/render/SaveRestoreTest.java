package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.SolidRect;

class SaveRestoreTest {
    private final Surface surface = new Surface(30, 30);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    @Test
    void restoreDrawsItsBitmapAtP1NotAtTheBitmapsPosition() {
        System.arraycopy(Fixtures.ramp(900), 0, surface.pixels(), 0, 900);
        int[] area = surface.copyRegion(10, 10, 4, 2);
        assertThat(renderer.apply(new SaveScreen(new Point(10, 10), new Point(14, 12), 3)).isEmpty()).isTrue();
        renderer.apply(new SolidRect(new Rect(0, 0, 30, 30), 0));
        // the v1 vector carries the bitmap's own x,y; here they are deliberately elsewhere
        Rect damage = renderer.apply(new RestoreScreen(new Point(10, 10), new Point(14, 12), 3,
                Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 4, 2, area)));
        assertThat(damage).isEqualTo(new Rect(10, 10, 4, 2));
        assertThat(surface.copyRegion(10, 10, 4, 2)).isEqualTo(area);
        assertThat(surface.get(0, 0)).isZero();
        assertThat(Fixtures.count(surface, 0)).isEqualTo(900 - 8);
    }

    @Test
    void slotsOutOfRangeAreBadFields() {
        assertThatThrownBy(() -> renderer.apply(new SaveScreen(new Point(0, 0), new Point(1, 1), 256)))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("SAVE_SCREEN");
    }

    @Test
    void saveOfAHugeOffScreenAreaIsCheap() {
        renderer.apply(new SaveScreen(new Point(-32768, -32768), new Point(32767, 32767), 0));
        renderer.apply(new SaveScreen(new Point(5, 5), new Point(1, 1), 1));
        assertThat(surface.pixels()).containsOnly(0);
    }
}
