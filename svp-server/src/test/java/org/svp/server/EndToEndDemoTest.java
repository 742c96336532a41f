package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertConverges;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestServers.serverSnapshot;
import static org.svp.server.TestServers.viewer;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svp.client.SvpClient;
import org.svp.protocol.ChannelType;
import org.svp.protocol.message.ChannelEntry;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;

/**
 * The demo desktop played to its end, then served to late joiners: each client must end with exactly
 * the server's final frame.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EndToEndDemoTest {

    @ParameterizedTest(name = "singlePort={0}")
    @ValueSource(booleans = {false, true})
    void lateJoinersSeeTheFinalFrame(boolean singlePort) throws Exception {
        Demo demo = Demo.of(640, 480, 120, 0);
        try (SvpServer server = TestServers.start(demo.demo(), singlePort)) {
            int base = server.port();
            for (ChannelEntry e : server.channelList().channels()) {
                assertThat(e.port()).as("port of channel %d", e.channelType())
                        .isEqualTo(singlePort ? base : base + e.channelType());
            }
            assertThat(server.channelList().channels()).hasSize(ChannelType.values().length);

            Surface finalFrame = demo.awaitFinished();
            assertThat(finalFrame.width()).isEqualTo(640);
            assertThat(finalFrame.height()).isEqualTo(480);
            assertThat(demo.demo().framesPlayed()).isEqualTo(120);
            assertThat(server.stats().updatesDispatched.sum()).as("updates before the marker ran").isPositive();
            // the frame is not trivially uniform (a black or single-colour screen would prove little)
            assertThat(java.util.Arrays.stream(finalFrame.pixels()).distinct().count()).isGreaterThan(16);

            try (SvpClient first = viewer(server)) {
                assertConverges(first, () -> finalFrame, "first client vs. the frame at the end of the script");
                assertThat(first.screen().missingBitmaps()).isZero();
                assertThat(first.stats().displayMessages.sum()).isPositive();
                TestServers.await(() -> first.cursor() != null, TestServers.WAIT, "the cursor shape on join");
            }
            try (SvpClient second = viewer(server)) {
                assertConverges(second, () -> finalFrame, "second, later client");
                assertThat(second.screen().missingBitmaps()).isZero();
            }
            assertSamePixels(serverSnapshot(server), finalFrame, "server.snapshot() vs. the marker's frame");
            assertThat(server.stats().protocolDrops.sum()).isZero();
        }
    }
}
