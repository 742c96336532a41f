package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestSources.gradient;
import static org.svp.server.TestSources.rgb32;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.CodecId;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.TestSources.ScriptedSource;

/**
 * Bitmap-cache bookkeeping per client: a late joiner never gets a MEM_BLT for a bitmap it lacks
 * (pixels instead, also inside a CLIP_DRAW run) and never a DELETED_BITMAP for one it never had.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CacheMissTest {
    private static final int BG = 0x203040;
    private static final int SRCCOPY = 0xCC;

    @Test
    void lateJoinerGetsPixelsForBitmapsItLacks() throws Exception {
        ScriptedSource source = new ScriptedSource();
        BitmapHash h = TestSources.hash(1);
        BitmapHash h2 = TestSources.hash(2);
        int[] tile = gradient(16, 16, 77);
        try (SvpServer server = TestServers.start(source, true)) {
            source.draw(new ScreenResize(320, 240), new SolidRect(new Rect(0, 0, 320, 240), BG),
                    new CachedBitmap(h, rgb32(0, 0, 16, 16, tile)),
                    new MemBlt(new Rect(10, 10, 16, 16), 0, 0, SRCCOPY, h));
            source.applied();

            try (SvpClient client = TestServers.viewer(server);
                 RawClient raw = RawClient.openDisplay(server, 0, CodecId.RAW)) {
                TestServers.awaitDisplayClients(server, 2);
                source.draw(new MemBlt(new Rect(100, 100, 16, 16), 0, 0, SRCCOPY, h));
                source.draw(new ClipDraw(1, List.of(new Rect(200, 200, 8, 16))),
                        new MemBlt(new Rect(200, 200, 16, 16), 0, 0, SRCCOPY, h));
                // a bitmap both clients are sent: MEM_BLT goes as MEM_BLT, DELETED_BITMAP is forwarded
                source.draw(new CachedBitmap(h2, rgb32(0, 0, 8, 8, gradient(8, 8, 5))),
                        new MemBlt(new Rect(50, 50, 8, 8), 0, 0, SRCCOPY, h2));
                source.draw(new DeletedBitmap(h2));
                source.draw(new DeletedBitmap(h));
                Surface expected = source.applied();

                Surface seen = TestServers.assertConverges(client, () -> expected, "viewer");
                assertSamePixels(seen, TestServers.serverSnapshot(server), "viewer vs. server.snapshot()");
                assertThat(client.screen().missingBitmaps()).isZero();
                assertThat(server.stats().memBltFallbacks.sum()).as("MEM_BLT fallbacks (2 clients x 2)")
                        .isEqualTo(4);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        int t = tile[y * 16 + x];
                        assertThat(seen.get(10 + x, 10 + y)).as("join picture at (%d,%d)", x, y).isEqualTo(t);
                        assertThat(seen.get(100 + x, 100 + y)).as("fallback at (%d,%d)", x, y).isEqualTo(t);
                        assertThat(seen.get(200 + x, 200 + y)).as("clipped fallback at (%d,%d)", x, y)
                                .isEqualTo(x < 8 ? t : BG);
                    }
                }

                List<RawClient.Frame> frames = raw.readUntilQuiet(Duration.ofMillis(300), TestServers.WAIT);
                OrderRenderer rawScreen = RawClient.rendered(frames);
                assertSamePixels(rawScreen.surface(), expected, "raw client");
                assertThat(rawScreen.missingBitmapCount()).isZero();
                assertThat(RawClient.count(frames, Command.CACHED_BITMAP)).as("CACHED_BITMAPs (h2 only)").isEqualTo(1);
                assertThat(RawClient.count(frames, Command.DELETED_BITMAP)).as("DELETED_BITMAPs (h2 only)")
                        .isEqualTo(1);
                assertThat(((DeletedBitmap) frames.stream().filter(f -> f.is(Command.DELETED_BITMAP)).findFirst()
                        .orElseThrow().message()).hash()).isEqualTo(h2);
                assertThat(RawClient.count(frames, Command.MEM_BLT)).as("MEM_BLTs (only the h2 one)").isEqualTo(1);
                int clip = indexOf(frames, Command.CLIP_DRAW);
                assertThat(clip).as("CLIP_DRAW forwarded").isNotNegative();
                assertThat(frames.get(clip + 1).command()).as("the clipped order became pixels")
                        .isEqualTo(Command.DIRTY_RECT.wireId());
            }
        }
    }

    private static int indexOf(List<RawClient.Frame> frames, Command c) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).is(c)) {
                return i;
            }
        }
        return -1;
    }
}
