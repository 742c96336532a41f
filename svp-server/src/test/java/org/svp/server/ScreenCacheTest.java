package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertConverges;
import static org.svp.server.TestSources.rgb32;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.PasswordSource;
import org.svp.client.SvpClient;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.render.ScreenCache;
import org.svp.render.Surface;
import org.svp.server.TestSources.ScriptedSource;

/**
 * The server-driven screen cache (docs/protocol.md "Screen cache") end to end: a repeating slideshow
 * goes as CACHE_DRAWs of its 64×64 grid tiles after its first round, with fewer bytes; the client's
 * picture stays the server's; both ends hold the same keys in the same LRU order within the client's
 * budget; a late joiner starts with an empty cache.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScreenCacheTest {
    private static final int W = 128;
    private static final int H = 128;
    /** On the 64-pixel grid: each slide is 2 × 2 whole tiles. */
    private static final Rect AT = new Rect(64, 64, W, H);
    private static final int TILES = 4;

    /** Slide i: noise (so no codec shrinks it much and the bytes saved are plain to see). */
    private static void slide(ScriptedSource source, int i) throws Exception {
        int[] px = new int[W * H];
        java.util.Random rnd = new java.util.Random(1000 + i);
        for (int k = 0; k < px.length; k++) {
            px[k] = rnd.nextInt(0x1000000);
        }
        source.draw(new DirtyRect(rgb32(AT.x(), AT.y(), W, H, px)));
    }

    private static SvpClient client(SvpServer server, long budget) throws Exception {
        return SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()), PasswordSource.NONE, budget);
    }

    @Test
    void repeatedSlideshowGoesAsReferencesAfterTheFirstRound() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = TestServers.start(source, true)) {
            source.draw(new ScreenResize(320, 200), new SolidRect(new Rect(0, 0, 320, 200), 0x102030));
            source.applied();
            try (SvpClient client = client(server, SvpClient.DEFAULT_CACHE_BUDGET)) {
                TestServers.awaitDisplayClients(server, 1);
                assertConverges(client, () -> TestServers.serverSnapshot(server), "joined");
                TestServers.await(() -> client.screen().cache() != null, TestServers.WAIT, "the client's cache");
                long[] roundBytes = new long[3];
                long[] roundPainted = new long[3];
                for (int round = 0; round < 3; round++) {
                    long before = server.stats().bytesSent.sum();
                    long paintedBefore = client.stats().paintedPixels.sum();
                    for (int i = 0; i < 4; i++) {
                        slide(source, i);
                        Surface expected = source.applied();
                        assertConverges(client, () -> expected, "round " + round + ", slide " + i);
                    }
                    roundBytes[round] = server.stats().bytesSent.sum() - before;
                    roundPainted[round] = client.stats().paintedPixels.sum() - paintedBefore;
                }
                // a CACHE_DRAW paints its region as a DIRTY_RECT would (benchmarks count painted screens)
                assertThat(roundPainted[1]).as("pixels painted by the CACHE_DRAWs of round 2").isEqualTo(4L * W * H);
                assertThat(server.stats().cacheSaves.sum()).as("CACHE_SAVEs: each slide's tiles once").isEqualTo(4 * TILES);
                assertThat(server.stats().cacheHits.sum()).as("CACHE_DRAWs: rounds 2 and 3").isEqualTo(8 * TILES);
                assertThat(roundBytes[1]).as("bytes of round 2 against round 1 (%d)", roundBytes[0])
                        .isLessThan(roundBytes[0] / 20);
                assertThat(server.stats().cacheBytesSaved.sum()).isPositive();
                // rounds 2 and 3: the encoders knew the client held every tile, and compressed none of them
                assertThat(server.stats().tilesNotCompressed.sum()).as("tiles left uncompressed").isEqualTo(8 * TILES);
                List<long[]> models = TestServers.get(server.screenCacheKeys(), "the server's cache models");
                ScreenCache held = client.screen().cache();
                assertThat(keys(models.getFirst())).containsExactly(held.keysInLruOrder());
                assertThat(used(models.getFirst())).isEqualTo(held.used()).isEqualTo(4L * 4 * W * H);

                // a late joiner: empty cache on both ends, so the next slide is pixels (and saves) for it; its
                // first screen may come before or after its DISPLAY_CACHE_INIT (saves for slide 3's tiles or not)
                long savesBefore = server.stats().cacheSaves.sum();
                try (SvpClient late = client(server, SvpClient.DEFAULT_CACHE_BUDGET)) {
                    TestServers.awaitDisplayClients(server, 2);
                    assertConverges(late, () -> TestServers.serverSnapshot(server), "late joiner");
                    TestServers.await(() -> late.screen().cache() != null, TestServers.WAIT, "the late cache");
                    slide(source, 2);
                    Surface expected = source.applied();
                    assertConverges(late, () -> expected, "late joiner, slide 2");
                    assertConverges(client, () -> expected, "first client, slide 2");
                    assertThat(server.stats().cacheHits.sum()).as("hits for the first client only").isEqualTo(9 * TILES);
                    // slide 2's tiles were left uncompressed for the first client's sake; the late joiner lacked
                    // them, so they were compressed for it on the I/O thread (its picture above is the proof)
                    assertThat(server.stats().tilesNotCompressed.sum()).isEqualTo(9 * TILES);
                    assertThat(server.stats().cacheSaves.sum() - savesBefore).as("saves for the late joiner")
                            .isIn((long) TILES, 2L * TILES);
                    assertThat(late.screen().cache().size()).isIn(TILES, 2 * TILES);
                }
            }
        }
    }

    @Test
    void aSmallBudgetEvictsTheSameEntriesOnBothEnds() throws Exception {
        ScriptedSource source = new ScriptedSource();
        long budget = 2L * 4 * W * H + 100; // two slides
        try (SvpServer server = TestServers.start(source, true)) {
            source.draw(new ScreenResize(320, 200), new SolidRect(new Rect(0, 0, 320, 200), 0x102030));
            source.applied();
            try (SvpClient client = client(server, budget)) {
                TestServers.awaitDisplayClients(server, 1);
                TestServers.await(() -> client.screen().cache() != null, TestServers.WAIT, "the client's cache");
                assertConverges(client, () -> TestServers.serverSnapshot(server), "joined");
                // A B A B C C A (each 4 tiles): A, B saved; A, B hits; C evicts A; C hit; A misses (evicts B)
                for (int i : new int[] {0, 1, 0, 1, 2, 2, 0}) {
                    slide(source, i);
                    Surface expected = source.applied();
                    assertConverges(client, () -> expected, "slide " + i);
                }
                assertThat(server.stats().cacheHits.sum()).isEqualTo(3 * TILES);
                assertThat(server.stats().cacheSaves.sum()).isEqualTo(4 * TILES);
                ScreenCache held = client.screen().cache();
                List<long[]> models = TestServers.get(server.screenCacheKeys(), "the server's cache model");
                assertThat(held.size()).isEqualTo(2 * TILES);
                assertThat(held.used()).isLessThanOrEqualTo(budget);
                assertThat(keys(models.getFirst())).containsExactly(held.keysInLruOrder());
                assertThat(used(models.getFirst())).isEqualTo(held.used());
            }
        }
    }

    private static long[] keys(long[] model) {
        return java.util.Arrays.copyOf(model, model.length - 1);
    }

    private static long used(long[] model) {
        return model[model.length - 1];
    }
}
