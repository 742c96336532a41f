package org.svp.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.codec.CodecRegistry;
import org.svp.codec.sample.SampleTiles;
import io.netty.buffer.ByteBufUtil;
import org.svp.protocol.wire.MessageReader;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.server.ServerStats;

/**
 * Grid tiles a client's cache probably holds ({@link HeldTiles}) are handed over uncompressed: the same
 * key as when compressed, no compression until a client needs it, then the exact pixels, once.
 */
class LazyTileTest {
    private static final int CLIENT = Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_MEDZ;
    private static final Rect TILE = new Rect(64, 128, 64, 64);

    @Test
    void aHeldTileIsLeftUncompressedUntilAClientNeedsItThenCompressedOnce() {
        int[] photo = photo();
        ServerStats stats = new ServerStats();
        EncodeManager manager = new EncodeManager(stats);
        List<WireFrame> eager = manager.encodeArea(UnpooledByteBufAllocator.DEFAULT, photo, 0, 64, TILE, CLIENT, true);
        long key;
        try {
            assertThat(eager).hasSize(1);
            assertThat(eager.getFirst().lazy()).isNull();
            key = eager.getFirst().cacheKey();
            assertThat(key).isNotZero();
        } finally {
            eager.forEach(WireFrame::release);
        }
        long regions = regions(stats);

        HeldTiles held = new HeldTiles();
        held.held(key, 1234);
        manager.heldTiles(held);
        List<WireFrame> frames = manager.encodeArea(UnpooledByteBufAllocator.DEFAULT, photo, 0, 64, TILE, CLIENT, true);
        WireFrame f = frames.getFirst();
        assertThat(frames).hasSize(1);
        assertThat(f.cacheKey()).as("the same key either way").isEqualTo(key);
        assertThat(f.cacheRect()).isEqualTo(TILE);
        assertThat(f.frame().readableBytes()).as("nothing compressed").isZero();
        assertThat(f.queuedBytes()).as("a client's queue accounts the pixels it holds").isEqualTo(4 * 64 * 64);
        assertThat(f.lazy().codedBytes()).isZero();
        assertThat(f.lazy().frameBytes()).as("what the tile took when it was sent").isEqualTo(1234);
        assertThat(regions(stats)).as("no codec ran").isEqualTo(regions);
        assertThat(stats.tilesNotCompressed.sum()).isEqualTo(1);

        ByteBuf a = f.retainedDuplicate().lazy().frame(UnpooledByteBufAllocator.DEFAULT);
        ByteBuf b = f.retainedDuplicate().lazy().frame(UnpooledByteBufAllocator.DEFAULT);
        try {
            assertThat(regions(stats)).as("compressed once for both clients").isEqualTo(regions + 1);
            assertThat(f.lazy().codedBytes()).isPositive();
            assertThat(f.lazy().frameBytes()).isEqualTo(a.readableBytes());
            assertThat(a).isEqualTo(b);
            DirtyRect d = (DirtyRect) MessageReader.decodeFrame(ByteBufUtil.getBytes(a), 2);
            assertThat(d.bitmap().x()).isEqualTo(TILE.x());
            assertThat(d.bitmap().y()).isEqualTo(TILE.y());
            int[] decoded = new int[64 * 64];
            CodecRegistry.byId(d.bitmap().codec()).newDecoder().decode(d.bitmap().data(), 64, 64, decoded, 0, 64,
                    d.command().wireId());
            assertThat(decoded).isEqualTo(photo);
        } finally {
            a.release();
            b.release();
            frames.forEach(WireFrame::release);
        }
    }

    @Test
    void keysFollowEveryColourBitAndIgnoreTheTopByte() {
        int[] photo = photo();
        long key = TileKeys.key(photo, 0, 64, 64, 64);
        for (int bit = 0; bit < 24; bit++) {
            int[] changed = photo.clone();
            changed[bit * 97 % changed.length] ^= 1 << bit;
            assertThat(TileKeys.key(changed, 0, 64, 64, 64)).as("bit %d", bit).isNotEqualTo(key);
        }
        // two pixels of the same lane flipped in the same bit: a plain multiply chain would cancel them
        int[] twice = photo.clone();
        twice[0] ^= 1 << 23;
        twice[8] ^= 1 << 23;
        assertThat(TileKeys.key(twice, 0, 64, 64, 64)).isNotEqualTo(key);
        int[] topByte = photo.clone();
        for (int i = 0; i < topByte.length; i++) {
            topByte[i] |= 0xFF000000;
        }
        assertThat(TileKeys.key(topByte, 0, 64, 64, 64)).isEqualTo(key);
        assertThat(TileKeys.key(photo, 0, 64, 64, 32)).as("the size is in the key")
                .isNotEqualTo(TileKeys.key(photo, 0, 32, 32, 64));
    }

    private static int[] photo() {
        SampleTiles.Tile t = SampleTiles.synthetic().get("photo");
        int[] px = new int[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                px[y * 64 + x] = t.rgb()[y % t.h() * t.w() + x % t.w()] & 0xFFFFFF;
            }
        }
        return px;
    }

    private static long regions(ServerStats stats) {
        return stats.codecCounters().values().stream().mapToLong(org.svp.server.CodecCounter.Snapshot::regions).sum();
    }
}
