package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.HOST;
import static org.svp.server.TestServers.assertConverges;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.codec.jpeg.Quality;
import org.svp.codec.sample.MovingPicture;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.render.Surface;
import org.svp.server.TestSources.ScriptedSource;

/**
 * Issue 13 over real sockets: a region re-drawn every frame at 25 fps becomes an H.264 stream after
 * ten frames; once it stops, the lossless refresh leaves the client with exactly the server's picture.
 * A client that asks for lossless gets no H.264.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VideoRegionTest {
    private static final int W = 320;
    private static final int H = 180;

    @Test
    void aMovingRegionStreamsAsH264ThenEndsExact() throws Exception {
        ScriptedSource source = new ScriptedSource();
        SvpServer server = new SvpServer(ServerConfig.of(HOST, 0, false), source).quality(Quality.AUTO);
        try (server) {
            server.start();
            try (SvpClient client = TestServers.viewer(server);
                 SvpClient lossless = SvpClient.connect(ClientOptions.viewer(HOST, server.port())
                         .withQuality(Quality.LOSSLESS))) {
                source.draw(new ScreenResize(400, 240), new SolidRect(new Rect(0, 0, 400, 240), 0x203040));
                Surface first = source.applied();
                TestServers.awaitDisplayClients(server, 2);
                assertConverges(client, () -> first, "first picture");
                assertConverges(lossless, () -> first, "first picture (lossless client)");
                long losslessBefore = lossless(server.stats().codecCounters());
                for (int f = 0; f < 40; f++) { // 1.6 s of video at 25 fps
                    source.draw(new DirtyRect(TestSources.rgb32(40, 30, W, H, MovingPicture.frame(W, H, f))));
                    Thread.sleep(40);
                }
                Surface last = source.applied();
                assertConverges(client, () -> last, "H.264 client after the refresh");
                assertConverges(lossless, () -> last, "lossless client");
                Map<String, CodecCounter.Snapshot> c = server.stats().codecCounters();
                assertThat(regions(c, "H264")).as("H.264 units sent").isGreaterThanOrEqualTo(20);
                assertThat(lossless(c) - losslessBefore).as("the lossless client's frames and the refresh")
                        .isGreaterThanOrEqualTo(20);
            }
        }
    }

    /** @return regions coded by the lossless many-colour coders (MEDZ, or QOIZ without it) */
    private static long lossless(Map<String, CodecCounter.Snapshot> m) {
        return regions(m, "MEDZ") + regions(m, "QOIZ");
    }

    private static long regions(Map<String, CodecCounter.Snapshot> m, String codec) {
        CodecCounter.Snapshot s = m.get(codec);
        return s == null ? 0 : s.regions();
    }
}
