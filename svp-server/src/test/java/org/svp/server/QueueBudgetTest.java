package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestSources.noiseRect;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.CodecId;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.server.limits.ServerLimits;
import org.svp.source.SourceUpdate;

/**
 * Two clients stop reading while the source streams incompressible pixels: the server's display-queue
 * memory stays bounded (its counters), the budget coalesces the biggest queue, the stalled clients are
 * dropped with one line each after the drain deadline, and a reading client still ends with the
 * server's picture.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class QueueBudgetTest {
    private static final int W = 800;
    private static final int H = 600;
    private static final long QUEUE = 256 << 10;
    private static final long BUDGET = 1 << 20;

    @Test
    void stalledClientsAreBoundedAndDroppedOthersUnaffected() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ServerConfig config = ServerConfig.of(TestServers.HOST, 0, false).withClientQueueBytes(QUEUE);
        ServerLimits limits = ServerLimits.DEFAULTS.withQueueBudget(BUDGET, Duration.ofSeconds(2))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMillis(100));
        try (LogCapture log = LogCapture.start(); SvpServer server = TestServers.start(config, limits, source)) {
            source.draw(new ScreenResize(W, H), new SolidRect(new Rect(0, 0, W, H), 0x336699));
            source.applied();
            try (RawClient slow1 = RawClient.openDisplay(server, 16 << 10, CodecId.RAW);
                 RawClient slow2 = RawClient.openDisplay(server, 16 << 10, CodecId.RAW);
                 SvpClient good = TestServers.viewer(server)) {
                TestServers.awaitDisplayClients(server, 3);
                long t0 = System.nanoTime();
                for (int i = 0; i < 400 && server.stats().slowClientDrops.sum() < 2
                        && System.nanoTime() - t0 < Duration.ofSeconds(40).toNanos(); i++) {
                    source.submit(new SourceUpdate.Draw(java.util.List.of(noiseRect(0, (i * 37) % (H - 60), W, 60, i))));
                    Thread.sleep(10);
                }
                TestServers.await(() -> server.stats().slowClientDrops.sum() == 2, Duration.ofSeconds(20),
                        "both stalled clients dropped");
                // per stalled client: Netty's 4 MiB high-water mark, one resync band, its queue bound and one
                // update; plus the reading client's share: far below what the stream produced (~77 MB)
                long bound = 3 * ((4L << 20) + (1L << 20) + QUEUE + 200_000);
                assertThat(server.stats().maxQueuedBytesTotal.get()).as("largest display-queue total")
                        .isPositive().isLessThan(bound);
                assertThat(server.stats().budgetCoalesces.sum()).as("budget coalesces").isPositive();
                source.draw(new SolidRect(new Rect(10, 10, 100, 100), 0xFF0000));
                var expected = source.applied();
                TestServers.assertConverges(good, () -> expected, "the reading client");
                assertSamePixels(TestServers.serverSnapshot(server), expected, "server");
                assertThat(server.displayClientCount().join()).isEqualTo(1);
            }
            assertThat(log.lines().stream().filter(l -> l.contains("it took nothing for")).count()).isEqualTo(2);
            assertThat(log.lines()).allMatch(l -> l.contains("(display): it took nothing for")
                    || !l.contains("WARN"));
        }
    }
}
