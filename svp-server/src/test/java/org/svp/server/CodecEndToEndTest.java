package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertConverges;
import static org.svp.server.TestServers.assertSamePixels;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.CodecId;
import org.svp.protocol.Command;
import org.svp.protocol.message.DirtyRect;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;

/**
 * Over real sockets: the demo played to its end, then a v2 viewer (it offers PALETTE, QOIZ and ZSTREAM in
 * CHANNEL_INIT_V2) and a v1 display client join. Both end with exactly the server's final frame; the
 * v2 one got the new codecs (the server's per-codec counters moved), the v1 one only RAW/LZ4 bitmaps.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodecEndToEndTest {

    @Test
    void v2ViewerGetsNewCodecsV1ClientRawLz4BothExact() throws Exception {
        Demo demo = Demo.of(640, 480, 60, 0);
        try (SvpServer server = TestServers.start(demo.demo(), false)) {
            Surface finalFrame = demo.awaitFinished();
            Map<String, CodecCounter.Snapshot> before = server.stats().codecCounters();
            try (SvpClient v2 = TestServers.viewer(server)) {
                assertConverges(v2, () -> finalFrame, "v2 viewer vs. the frame at the end of the script");
                assertThat(v2.screen().missingBitmaps()).isZero();
            }
            Map<String, CodecCounter.Snapshot> after = server.stats().codecCounters();
            assertThat(regions(after, "PALETTE") + regions(after, "QOIZ") + regions(after, "MEDZ") + regions(after, "ZSTREAM")
                    + regions(after, "TEXTZ"))
                    .as("tiles of the v2 viewer's join screen in PALETTE, QOIZ, MEDZ, ZSTREAM or TEXTZ")
                    .isGreaterThan(regions(before, "PALETTE") + regions(before, "QOIZ") + regions(before, "MEDZ")
                            + regions(before, "ZSTREAM") + regions(before, "TEXTZ"));

            try (RawClient v1 = RawClient.openDisplay(server, 1 << 20, CodecId.LZ4)) {
                List<RawClient.Frame> frames = v1.readUntilQuiet(Duration.ofMillis(700), Duration.ofSeconds(20));
                TreeSet<String> codecs = new TreeSet<>();
                for (RawClient.Frame f : frames) {
                    if (f.command() == Command.DIRTY_RECT.wireId()) {
                        codecs.add(CodecId.name(((DirtyRect) f.message()).bitmap().codec()));
                    }
                }
                assertThat(codecs).as("codecs a v1 client got").isNotEmpty().isSubsetOf("RAW", "LZ4");
                OrderRenderer r = RawClient.rendered(frames);
                assertSamePixels(r.surface(), finalFrame, "v1 client vs. the final frame");
            }
            assertThat(server.stats().protocolDrops.sum()).isZero();
        }
    }

    private static long regions(Map<String, CodecCounter.Snapshot> m, String codec) {
        CodecCounter.Snapshot s = m.get(codec);
        return s == null ? 0 : s.regions();
    }
}
