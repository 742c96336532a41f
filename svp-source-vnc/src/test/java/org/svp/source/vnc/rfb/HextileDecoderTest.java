package org.svp.source.vnc.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

/** Hextile from hand-built tiles: raw, background + sub-rectangles, colours carried over, bad tiles. */
class HextileDecoderTest {
    private static final int RAW = 1;
    private static final int BG = 2;
    private static final int FG = 4;
    private static final int ANY = 8;
    private static final int COLOURED = 16;

    private final Recorder rec = new Recorder();
    private final ServerMessageDecoder d = new ServerMessageDecoder(64, 64, rec);

    @Test
    void twoTilesBackgroundCarriedOverAndSubrectangles() {
        // a 20x2 rectangle: tile 1 is 16x2, tile 2 is 4x2
        byte[] bytes = new Wire().update(1).rect(0, 0, 20, 2, Encodings.HEXTILE)
                .u8(BG | FG | ANY).pixel(0x000011).pixel(0x0000FF).u8(1).u8(0x10, 0x00) // fg 1x1 at (1,0)
                .u8(ANY | COLOURED).u8(1).pixel(0x00FF00).u8(0x21, 0x00) // bg carried, green 1x1 at (2,1)
                .toArray();
        assertThat(Feed.chunks(d, bytes, 2)).isZero();
        int[] want = new int[40];
        Arrays.fill(want, 0x000011);
        want[1] = 0x0000FF;
        want[20 + 16 + 2] = 0x00FF00;
        assertThat(rec.events).containsExactly("start", "pixels 5 20x2+0+0", "finished");
        assertThat(rec.lastPixels).containsExactly(want);
    }

    @Test
    void rawTile() {
        Wire w = new Wire().update(1).rect(1, 1, 2, 2, Encodings.HEXTILE).u8(RAW);
        for (int i = 0; i < 4; i++) {
            w.pixel(0x010101 * (i + 1));
        }
        Feed.all(d, w.toArray());
        assertThat(rec.lastPixels).containsExactly(0x010101, 0x020202, 0x030303, 0x040404);
    }

    @Test
    void aSubrectangleLeavingItsTileIsAnError() {
        byte[] bytes = new Wire().update(1).rect(0, 0, 4, 4, Encodings.HEXTILE)
                .u8(BG | ANY).pixel(0).u8(1).u8(0x33, 0x11).toArray(); // 2x2 at (3,3) in a 4x4 tile
        assertThatThrownBy(() -> Feed.all(d, bytes)).isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: Hextile sub-rectangle 2x2+3+3 leaves its 4x4 tile");
    }
}
