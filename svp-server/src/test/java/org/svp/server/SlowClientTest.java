package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestSources.gradient;
import static org.svp.server.TestSources.noiseRect;
import static org.svp.server.TestSources.rgb32;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.CodecId;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.source.SourceUpdate;

/**
 * A display client that stops reading while the source streams: the server must coalesce its backlog
 * (bounded memory), never slow the source down, and still bring the client to the final picture.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SlowClientTest {
    private static final int W = 800;
    private static final int H = 600;
    private static final int UPDATES = 300;
    private static final long QUEUE_LIMIT = 256 << 10;
    private static final Duration PAUSE = Duration.ofSeconds(2);

    @Test
    void slowClientIsCoalescedAndCatchesUp() throws Exception {
        ScriptedSource source = new ScriptedSource();
        ServerConfig config = ServerConfig.of(TestServers.HOST, 0, true).withClientQueueBytes(QUEUE_LIMIT);
        try (SvpServer server = TestServers.start(config, source)) {
            source.draw(new ScreenResize(W, H), new SolidRect(new Rect(0, 0, W, H), 0x336699));
            source.applied();

            try (RawClient slow = RawClient.openDisplay(server, 16 << 10, CodecId.LZ4)) {
                assertThat(slow.ready().body()).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
                TestServers.awaitDisplayClients(server, 1);
                // the join picture: SCREEN_RESIZE, then the screen; read only its first frame, then stall
                RawClient.Frame first = slow.read();
                assertThat(first.is(Command.SCREEN_RESIZE)).as("first display frame is SCREEN_RESIZE").isTrue();

                List<List<DisplayMessage>> updates = script();
                long largestUpdate = 0;
                for (List<DisplayMessage> u : updates) {
                    largestUpdate = Math.max(largestUpdate, wireBytes(u));
                }
                // a resync (join or catch-up) queues one DIRTY_RECT band at a time, captured when the socket
                // can take it: at most one band of raw pixels (+ header) beyond the queue limit
                long fullScreen = ProtocolLimits.HEADER_LENGTH + 16L + (long) W * Math.max(1, (1 << 20) / (W * 4)) * 4;

                AtomicLong longestSubmit = new AtomicLong();
                long dispatchedBefore = server.stats().updatesDispatched.sum();
                Thread streamer = new Thread(() -> {
                    try {
                        for (List<DisplayMessage> u : updates) {
                            long t0 = System.nanoTime();
                            source.submit(new SourceUpdate.Draw(u));
                            longestSubmit.accumulateAndGet(System.nanoTime() - t0, Math::max);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "test-streamer");
                long t0 = System.nanoTime();
                streamer.start();
                streamer.join(Duration.ofSeconds(10).toMillis()); // the client reads nothing until it is done
                assertThat(streamer.isAlive()).as("the source finished streaming while the client was not reading")
                        .isFalse();
                TestServers.await(() -> server.stats().updatesDispatched.sum() - dispatchedBefore == UPDATES,
                        Duration.ofSeconds(10), "all " + UPDATES + " updates dispatched");
                long rest = PAUSE.toNanos() - (System.nanoTime() - t0);
                if (rest > 0) {
                    Thread.sleep(rest / 1_000_000);
                }
                Surface expected = source.applied();

                List<RawClient.Frame> frames = new ArrayList<>(List.of(first));
                frames.addAll(slow.readUntilQuiet(Duration.ofMillis(700), TestServers.WAIT));
                OrderRenderer client = RawClient.rendered(frames);
                assertSamePixels(client.surface(), expected, "slow client after catching up");
                assertSamePixels(client.surface(), TestServers.serverSnapshot(server), "slow client vs. snapshot");
                assertThat(client.missingBitmapCount()).isZero();
                assertThat(client.clipOrdersLeft()).as("no CLIP_DRAW run left open").isZero();

                ServerStats stats = server.stats();
                assertThat(stats.coalesceEvents.sum()).as("coalesce events").isPositive();
                assertThat(stats.maxClientQueueBytes.get()).as("largest client queue (limit %d, largest update %d,"
                        + " resync band %d)", QUEUE_LIMIT, largestUpdate, fullScreen)
                        .isLessThanOrEqualTo(QUEUE_LIMIT + Math.max(largestUpdate, fullScreen));
                assertThat(TimeUnit.NANOSECONDS.toMillis(longestSubmit.get()))
                        .as("longest submit() block, ms (the client stalls for %d ms)", PAUSE.toMillis())
                        .isLessThan(PAUSE.toMillis());
                long sent = frames.stream().mapToLong(f -> f.header().length + f.body().length).sum();
                long produced = updates.stream().mapToLong(SlowClientTest::wireBytes).sum();
                assertThat(sent).as("bytes the slow client got vs. %d produced", produced).isLessThan(produced);
                assertThat(stats.protocolDrops.sum()).isZero();
            }
        }
    }

    /** 300 updates of mixed orders: noise bands, gradients, fills, screen copies, a clipped run. */
    private static List<List<DisplayMessage>> script() {
        List<List<DisplayMessage>> out = new ArrayList<>();
        for (int i = 0; i < UPDATES; i++) {
            int y = (i * 37) % (H - 60);
            out.add(switch (i % 5) {
                case 0 -> List.of(noiseRect(0, y, W, 60, i));
                case 1 -> List.of(new SolidRect(new Rect((i * 13) % 700, y, 100, 50), i * 0x010305 & 0xFFFFFF));
                case 2 -> List.of(new ScreenBlt(new Rect((i * 7) % 400, (i * 11) % 300, 400, 300), (i * 3) % 400,
                        (i * 5) % 300, 0xCC));
                case 3 -> List.of(
                        new ClipDraw(3, List.of(new Rect(0, y, W / 2, 40), new Rect(W / 2 + 50, y + 10, 200, 30))),
                        new SolidRect(new Rect(0, y, W, 40), 0xFF00FF - i),
                        noiseRect(0, y + 5, W, 30, -i),
                        new ScreenBlt(new Rect(100, y, 300, 40), 0, (y + 100) % (H - 40), 0x66));
                default -> List.of(new DirtyRect(rgb32(0, (y + 200) % (H - 40), W, 40, gradient(W, 40, i))));
            });
        }
        return out;
    }

    private static long wireBytes(List<DisplayMessage> update) {
        return update.stream().mapToLong(m -> ProtocolLimits.HEADER_LENGTH + MessageWriter.bodySize(m)).sum();
    }
}
