package org.svp.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.server.ServerStats;

/** Many-colour bands of a client with MEDZ and QOIZ: photos go MEDZ, flat UI with many colours QOIZ. */
class ManyColourCodecTest {
    private static final int CLIENT = Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_MEDZ;

    @Test
    void aPhotoGoesMedz() {
        assertThat(codecOf(SampleTiles.synthetic().get("photo"), CLIENT)).isEqualTo("MEDZ");
    }

    @Test
    void aFlatDesktopGoesQoiz() {
        assertThat(codecOf(SampleTiles.recorded("xterm-desktop-1280x800"), CLIENT)).isEqualTo("QOIZ");
    }

    @Test
    void withoutQoizAPhotoAndTheDesktopGoMedz() {
        assertThat(codecOf(SampleTiles.recorded("xterm-desktop-1280x800"), CLIENT & ~Feature.CODEC_QOIZ)).isEqualTo("MEDZ");
    }

    /** @return the one codec that coded the tile as a band */
    private static String codecOf(SampleTiles.Tile t, int features) {
        ServerStats stats = new ServerStats();
        new EncodeManager(stats).encodeArea(UnpooledByteBufAllocator.DEFAULT, t.rgb(), 0, t.w(), new Rect(0, 0, t.w(), t.h()),
                features, false).forEach(WireFrame::release);
        var used = stats.codecCounters().entrySet().stream().filter(e -> e.getValue().regions() > 0).map(java.util.Map.Entry::getKey)
                .toList();
        assertThat(used).hasSize(1);
        return used.getFirst();
    }
}
