package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.server.limits.MemoryTrim;

/**
 * The server gives memory back once its last client has left (limits.MemoryTrim), and never while a
 * client is connected: no trim line while a viewer stays connected for longer than the trim delay, one
 * after it closes, and no more while the server stays idle.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MemoryTrimTest {
    @Test
    void trimsOnlyAfterTheLastClientLeft() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = TestServers.start(source, true)) {
            source.draw(new ScreenResize(320, 200), new SolidRect(new Rect(0, 0, 320, 200), 0x336699));
            var expected = source.applied();
            try (SvpClient viewer = TestServers.viewer(server)) {
                TestServers.assertConverges(viewer, () -> expected, "the viewer");
                Thread.sleep(MemoryTrim.DELAY_MILLIS + 1000);
                assertThat(server.stats().memoryTrims.sum()).as("no trim while a client is connected").isZero();
            }
            TestServers.await(() -> server.stats().memoryTrims.sum() > 0, Duration.ofSeconds(15),
                    "a trim after the last client left");
            Thread.sleep(MemoryTrim.DELAY_MILLIS + 1000);
            assertThat(server.stats().memoryTrims.sum()).as("one trim for one idle period").isEqualTo(1);
        }
    }
}
