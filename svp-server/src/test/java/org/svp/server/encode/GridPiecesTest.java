package org.svp.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.server.ServerStats;

/**
 * A many-colour band cut at the grid for the screen cache: its photo pieces go as keyed QOIZ tiles, its
 * few-colour pieces (a terminal beside a picture) through a ZSTREAM client's stream, side by side
 * pieces joined.
 */
class GridPiecesTest {
    private static final int STREAM_CLIENT = Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_ZSTREAM;

    @Test
    void fewColourPiecesBesideAPhotoGoThroughTheStreamJoined() {
        int w = 192;
        int h = 64;
        int[] rgb = band(w, h);
        List<WireFrame> frames = new EncodeManager(new ServerStats()).encodeArea(UnpooledByteBufAllocator.DEFAULT,
                rgb, 0, w, new Rect(0, 0, w, h), STREAM_CLIENT, true);
        try {
            assertThat(frames).hasSize(2);
            assertThat(frames.get(0).cacheKey()).as("the photo tile is keyed").isNotZero();
            assertThat(frames.get(0).cacheRect()).isEqualTo(new Rect(0, 0, 64, 64));
            assertThat(frames.get(1).streamRect()).as("the two text tiles, one stream bitmap")
                    .isEqualTo(new Rect(64, 0, 128, 64));
            assertThat(frames.get(1).frame().readableBytes()).as("RGB24 of 128x64").isEqualTo(3 * 128 * 64);
        } finally {
            frames.forEach(WireFrame::release);
        }
    }

    @Test
    void withoutTheStreamEveryPieceIsAKeyedTile() {
        int w = 192;
        int h = 64;
        List<WireFrame> frames = new EncodeManager(new ServerStats()).encodeArea(UnpooledByteBufAllocator.DEFAULT,
                band(w, h), 0, w, new Rect(0, 0, w, h), STREAM_CLIENT & ~Feature.CODEC_ZSTREAM, true);
        try {
            assertThat(frames).hasSize(3).allSatisfy(f -> {
                assertThat(f.cacheKey()).isNotZero();
                assertThat(f.streamRect()).isNull();
            });
        } finally {
            frames.forEach(WireFrame::release);
        }
    }

    /** A photo tile at the left, two tiles of two-colour "text" at its right. */
    private static int[] band(int w, int h) {
        SampleTiles.Tile photo = SampleTiles.synthetic().get("photo");
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rgb[y * w + x] = x < 64 ? photo.rgb()[y * photo.w() + x] : ((x * 7 + y * 3) % 5 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        return rgb;
    }
}
