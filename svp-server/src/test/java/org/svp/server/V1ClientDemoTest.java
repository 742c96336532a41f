package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.CodecId;
import org.svp.protocol.message.DisplayMessage;
import org.svp.render.OrderRenderer;
import org.svp.server.TestSources.Demo;
import org.svp.server.session.V1Orders;

/**
 * The original-client case of issue 12: the demo (which draws with every v1 order, XOR lines,
 * filled ellipses and SOLID_BLT 0xA0 included) played to a client that announced
 * {@code client_version} 1. Only v1-drawable orders may reach it, and its picture must be the
 * server's.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class V1ClientDemoTest {

    @Test
    void v1ClientGetsOnlyOrdersItDrawsAndTheServersPicture() throws Exception {
        Demo demo = Demo.of(640, 480, 150, 50);
        try (SvpServer server = TestServers.start(demo.demo(), true);
             RawClient v1 = RawClient.openDisplay(server, 0, CodecId.LZ4)) {
            List<RawClient.Frame> frames = new ArrayList<>();
            // read while the demo plays (3 s at 50 fps), then what is still on its way
            long deadline = System.nanoTime() + TestServers.WAIT.toNanos();
            while (!demo.finished().isDone() && System.nanoTime() - deadline < 0) {
                v1.readWithin(Duration.ofMillis(200)).ifPresent(frames::add);
            }
            var finalFrame = demo.awaitFinished();
            frames.addAll(v1.readUntilQuiet(Duration.ofMillis(700), TestServers.WAIT));

            Map<String, Integer> notDrawable = new TreeMap<>();
            for (RawClient.Frame f : frames) {
                DisplayMessage m = (DisplayMessage) f.message();
                if (!V1Orders.drawable(m)) {
                    notDrawable.merge(m.command().name(), 1, Integer::sum);
                }
            }
            assertThat(notDrawable).as("orders outside the v1-drawable set sent to the v1 client").isEmpty();
            assertThat(server.stats().v1Fallbacks.sum()).as("orders replaced by pixels").isPositive();

            OrderRenderer seen = RawClient.rendered(frames);
            assertSamePixels(seen.surface(), finalFrame, "v1 client vs. the server's final frame");
            assertSamePixels(seen.surface(), TestServers.serverSnapshot(server), "v1 client vs. server.snapshot()");
            assertThat(seen.missingBitmapCount()).isZero();
        }
    }
}
