package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.Feature;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;

/** Ten clients watch the demo animate; every one ends with the server's final frame. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenClientsTest {
    private static final int CLIENTS = 10;
    // 6 s at 200 fps: room for ten connects on a loaded 2-core machine (400 frames at 100 fps was too
    // little once, with the machine at load 20)
    private static final int FRAMES = 1200;

    @Test
    void tenClientsWhileAnimating() throws Exception {
        Demo demo = Demo.of(640, 480, FRAMES, 200);
        List<SvpClient> clients = new ArrayList<>();
        try (SvpServer server = TestServers.start(demo.demo(), false)) {
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.add(TestServers.viewer(server));
                }
                TestServers.awaitDisplayClients(server, CLIENTS);
                // ZSTREAM (a zstd stream per connection, compressed on the I/O thread) for the first 8 only
                var choices = TestServers.get(server.displayCodecs(), "the display clients' codecs");
                assertThat(choices).as("codec choices").anyMatch(c -> (c.features() & Feature.CODEC_ZSTREAM) != 0)
                        .anyMatch(c -> c.v2() && (c.features() & Feature.CODEC_ZSTREAM) == 0);
                assertThat(demo.demo().framesPlayed()).as("all clients joined while the demo was still animating")
                        .isLessThan(FRAMES);

                Surface finalFrame = demo.awaitFinished();
                assertSamePixels(TestServers.serverSnapshot(server), finalFrame, "server after the script");
                for (int i = 0; i < CLIENTS; i++) {
                    SvpClient c = clients.get(i);
                    TestServers.assertConverges(c, () -> finalFrame, "client " + i);
                    assertThat(c.screen().missingBitmaps()).as("client %d missing bitmaps", i).isZero();
                    // each got the animation, not only its join picture
                    assertThat(c.stats().displayMessages.sum()).as("client %d display messages", i)
                            .isGreaterThan(FRAMES / 2);
                }
                assertThat(server.stats().protocolDrops.sum()).isZero();
            } finally {
                clients.forEach(SvpClient::close);
            }
        }
    }
}
