package org.svp.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.codec.BitmapEncoder;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageReader;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.ServerStats;
import org.svp.server.TestSources;
import org.svp.server.encode.CodecChoice;
import org.svp.server.encode.WireFrame;
import org.svp.server.screen.ScreenMirror;

/**
 * The shared resync tiles: damage is covered by whole grid cells clipped to the screen, a tile asked
 * for twice is encoded once and both get its pixels, damage makes it be encoded again from the new
 * pixels, and clients with other codecs get their own encoding.
 */
class ResyncTilesTest {
    private static final int W = 600;
    private static final int H = 200;
    private static final CodecChoice V2 = CodecChoice.of(CodecId.AUTO, Feature.CODEC_PALETTE | Feature.CODEC_QOIZ);

    private final ServerStats stats = new ServerStats();
    private final ScreenMirror mirror = new ScreenMirror();
    private final ResyncTiles tiles = new ResyncTiles(mirror, stats, new BitmapEncoder());

    @Test
    void damageIsCoveredByGridCellsClippedToTheScreenEachOnce() {
        Rect screen = new Rect(0, 0, W, H);
        List<Rect> out = new ArrayList<>();
        BitSet seen = new BitSet();
        ResyncTiles.cover(new Rect(250, 60, 300, 10), screen, out, seen);
        ResyncTiles.cover(new Rect(0, 0, 10, 10), screen, out, seen); // already planned: not again
        ResyncTiles.cover(new Rect(590, 190, 50, 50), screen, out, seen);
        assertThat(out).containsExactly(new Rect(0, 0, 256, 64), new Rect(256, 0, 256, 64), new Rect(512, 0, 88, 64),
                new Rect(0, 64, 256, 64), new Rect(256, 64, 256, 64), new Rect(512, 64, 88, 64),
                new Rect(512, 128, 88, 64), new Rect(512, 192, 88, 8));
    }

    @Test
    void aTileIsEncodedOnceUntilItIsDamaged() {
        draw(new ScreenResize(W, H), new SolidRect(new Rect(0, 0, W, H), 0x203040), noise(new Rect(300, 10, 100, 40), 1));
        Rect tile = new Rect(256, 0, 256, 64);

        int[] first = decode(tiles.frames(PooledByteBufAllocator.DEFAULT, tile, V2, false), tile);
        int[] second = decode(tiles.frames(PooledByteBufAllocator.DEFAULT, tile, V2, false), tile);
        assertThat(first).as("the mirror's pixels").isEqualTo(shown(tile));
        assertThat(second).isEqualTo(first);
        assertThat(stats.resyncTilesEncoded.sum()).isEqualTo(1);
        assertThat(stats.resyncTilesShared.sum()).isEqualTo(1);

        decode(tiles.frames(PooledByteBufAllocator.DEFAULT, tile, CodecChoice.V1_RAW, false), tile);
        assertThat(stats.resyncTilesEncoded.sum()).as("another codec choice: its own encoding").isEqualTo(2);

        Rect change = draw(noise(new Rect(380, 30, 40, 20), 2));
        tiles.invalidate(change);
        int[] after = decode(tiles.frames(PooledByteBufAllocator.DEFAULT, tile, V2, false), tile);
        assertThat(stats.resyncTilesEncoded.sum()).as("damaged: encoded again").isEqualTo(3);
        assertThat(after).as("the new pixels").isEqualTo(shown(tile)).isNotEqualTo(first);

        Rect untouched = new Rect(0, 64, 256, 64);
        decode(tiles.frames(PooledByteBufAllocator.DEFAULT, untouched, V2, false), untouched);
        tiles.invalidate(change); // damage elsewhere leaves it cached
        decode(tiles.frames(PooledByteBufAllocator.DEFAULT, untouched, V2, false), untouched);
        assertThat(stats.resyncTilesShared.sum()).isEqualTo(2);
        tiles.clear();
        assertThat(tiles.bytes()).isZero();
    }

    /** @return the mirror's pixels of {@code tile}, RGB only */
    private int[] shown(Rect tile) {
        int[] px = mirror.capture(tile);
        for (int i = 0; i < px.length; i++) {
            px[i] &= 0xFFFFFF;
        }
        return px;
    }

    private Rect draw(DisplayMessage... messages) {
        Rect damage = new Rect(0, 0, 0, 0);
        for (DisplayMessage m : messages) {
            damage = damage.union(mirror.apply(m));
        }
        return damage;
    }

    /** Draws the frames on a surface of the screen's size and returns the tile's pixels; releases them. */
    private static int[] decode(List<WireFrame> frames, Rect tile) {
        Surface s = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(s);
        for (WireFrame f : frames) {
            try {
                r.apply((DisplayMessage) MessageReader.decodeFrame(ByteBufUtil.getBytes(f.frame()), 2));
            } finally {
                f.release();
            }
        }
        int[] px = new int[tile.width() * tile.height()];
        for (int y = 0; y < tile.height(); y++) {
            for (int x = 0; x < tile.width(); x++) {
                px[y * tile.width() + x] = s.pixels()[(tile.y() + y) * W + tile.x() + x] & 0xFFFFFF;
            }
        }
        return px;
    }

    private static DirtyRect noise(Rect r, int seed) {
        return TestSources.noiseRect(r.x(), r.y(), r.width(), r.height(), seed);
    }
}
