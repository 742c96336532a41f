package org.svp.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.FlowPing;
import org.svp.protocol.message.FlowPong;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageReader;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.ServerConfig;
import org.svp.server.ServerStats;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.session.ClientRegistry;
import org.svp.server.session.DisplayClient;
import org.svp.server.update.UpdateEncoder;
import org.svp.server.update.UpdatePipeline;
import org.svp.server.update.UpdateQueue;
import org.svp.source.SourceUpdate;

/**
 * A flow-controlled display client on an {@link EmbeddedChannel} with the real update pipeline, the I/O
 * thread simulated by a task queue the test runs by hand: frames beyond the window stay queued until a
 * FLOW_PONG, a queue over the window becomes damage and is re-sent from the newest pixels, and a
 * client without the feature gets no PING and everything at once, as before.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlowControlledClientTest {
    private static final int W = 512;
    private static final int H = 512;

    private final ArrayDeque<Runnable> ioTasks = new ArrayDeque<>();
    private final ServerStats stats = new ServerStats();
    private final ScreenMirror mirror = new ScreenMirror();
    private final ClientRegistry registry = new ClientRegistry(mirror, stats, ServerConfig.DEFAULT_CLIENT_QUEUE_BYTES);
    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final Surface shown = new Surface(0, 0);
    private final OrderRenderer renderer = new OrderRenderer(shown);
    private UpdateQueue queue;

    private void start() throws InterruptedException {
        UpdatePipeline pipeline = new UpdatePipeline(ioTasks::add, workers,
                new UpdateEncoder(PooledByteBufAllocator.DEFAULT, stats), mirror, registry, stats, 3);
        queue = new UpdateQueue(64, ioTasks::add, pipeline::drain);
        pipeline.attach(queue);
        submit(List.of(new ScreenResize(W, H), new SolidRect(new Rect(0, 0, W, H), 0x203040)));
    }

    private void submit(List<DisplayMessage> messages) throws InterruptedException {
        long before = stats.updatesDispatched.sum();
        queue.submit(new SourceUpdate.Draw(messages));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // the encoder worker finishes asynchronously: run I/O tasks until this update was dispatched
        while (System.nanoTime() < deadline && (!ioTasks.isEmpty() || stats.updatesDispatched.sum() == before)) {
            Runnable r = ioTasks.poll();
            if (r != null) {
                r.run();
            } else {
                Thread.sleep(1);
            }
        }
        assertThat(stats.updatesDispatched.sum()).as("dispatched").isGreaterThan(before);
    }

    /** Reads what the server wrote so far, in order, drawing the display messages into {@link #shown}. */
    private List<Message> written() {
        List<Message> out = new ArrayList<>();
        ByteBuf f;
        while ((f = ch.readOutbound()) != null) {
            try {
                Message m = MessageReader.decodeFrame(ByteBufUtil.getBytes(f), 2);
                out.add(m);
                if (m instanceof DisplayMessage dm) {
                    renderer.apply(dm);
                }
            } finally {
                f.release();
            }
        }
        return out;
    }

    private static DirtyRect noise(Rect r, int seed) {
        byte[] px = new byte[r.width() * r.height() * 4];
        new java.util.Random(seed).nextBytes(px);
        for (int i = 3; i < px.length; i += 4) {
            px[i] = 0;
        }
        return new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, r.x(), r.y(), r.width(), r.height(), px));
    }

    @AfterEach
    void stop() {
        ch.finishAndReleaseAll();
        workers.shutdownNow();
    }

    @Test
    void framesBeyondTheWindowWaitForAPong() throws Exception {
        start();
        DisplayClient c = registry.addDisplay(ch, Feature.FLOW_CONTROL);
        List<Message> first = written();
        assertThat(first.getFirst()).as("the idle-link probe goes first").isEqualTo(new FlowPing(0));
        long rawBytes = first.stream().filter(m -> m instanceof DirtyRect).mapToLong(m -> 4L
                * ((DirtyRect) m).bitmap().width() * ((DirtyRect) m).bitmap().height()).sum();
        assertThat(rawBytes).as("one band (four 64 KiB windows of raw pixels, as grid tiles) of the 1 MiB screen,"
                + " then the window is full").isEqualTo(4 * 64 * 1024);
        assertThat(c.queuedBytes()).isZero(); // the rest is damage, captured when there is room
        assertThat(written()).as("nothing more without a PONG").isEmpty();

        assertThat(ackUntilShown(c, first, 0)).as("PONGs until the screen is complete").isBetween(2, 20);
        assertThat(c.pong(new FlowPong(12345))).as("an unknown seq").isFalse();
        assertThat(c.linkEstimate().measured()).isTrue();
    }

    /**
     * Answers the last PING written, as a client would, until the client shows the mirror.
     *
     * @return how many PONGs it took
     */
    private int ackUntilShown(DisplayClient c, List<Message> out, long rttMillis) throws InterruptedException {
        int pongs = 0;
        while (shown.width() == 0 || !java.util.Arrays.equals(shown.pixels(), mirror.pixels())) {
            FlowPing last = (FlowPing) out.reversed().stream().filter(m -> m instanceof FlowPing).findFirst()
                    .orElseThrow(() -> new AssertionError("no PING after what was written"));
            Thread.sleep(rttMillis); // the round trip the window sees (its clock is real)
            assertThat(c.pong(new FlowPong(last.seq()))).isTrue();
            out = written();
            if (++pongs > 40) {
                break;
            }
        }
        // the last PING too: the server learns the round is complete (it stops resyncing)
        out.reversed().stream().filter(m -> m instanceof FlowPing).findFirst()
                .ifPresent(p -> c.pong(new FlowPong(((FlowPing) p).seq())));
        written();
        return pongs;
    }

    @Test
    void aQueueOverTheWindowBecomesDamageAndTheNewestPixelsArrive() throws Exception {
        start();
        DisplayClient c = registry.addDisplay(ch, Feature.FLOW_CONTROL);
        ackUntilShown(c, written(), 200); // a slow link: about 1 MB/s, so the window stays a few 100 KiB
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < 48; i++) { // each 64 KiB raw: 3 MiB, far more than the window (≤ 1 MiB) without PONGs
            submit(List.of(noise(new Rect(0, 0, 128, 128), i)));
        }
        assertThat(stats.coalesceEvents.sum()).as("coalesced into damage").isPositive();
        assertThat(c.queuedBytes()).as("bounded by the window, not by the 16 MiB queue limit")
                .isLessThanOrEqualTo(1L << 20);
        out.addAll(written());
        assertThat(out.stream().filter(m -> m instanceof DirtyRect).count()).as("not all 48 went out").isLessThan(48);
        ackUntilShown(c, out, 0);
        assertThat(shown.pixels()).as("the client converged to the mirror (the last noise on top)")
                .isEqualTo(mirror.pixels());
    }

    @Test
    void oneUpdateOverTheBoundOnAnEmptyQueueIsSentNotCoalesced() throws Exception {
        start();
        DisplayClient c = registry.addDisplay(ch, Feature.FLOW_CONTROL);
        ackUntilShown(c, written(), 200);
        long resyncBefore = stats.resyncTilesEncoded.sum();
        // four screens of noise in one update (4 MiB raw) on an empty queue: already the newest pixels; four,
        // so the update is over the bound however fast this machine acked the first screen (one screen,
        // 1 MiB, was under a 1.2 MB bound once under CI's load)
        Rect screen = new Rect(0, 0, W, H);
        submit(List.of(noise(screen, 7), noise(screen, 8), noise(screen, 9), noise(screen, 10)));
        List<Message> out = written();
        LinkEstimate e = c.linkEstimate();
        long bound = Math.max(FlowControl.MIN_QUEUE_BOUND,
                Math.max(e.windowBytes(), e.throughputBytesPerSecond() * FlowControl.QUEUE_MILLIS / 1000));
        assertThat(4 * 4L * W * H).as("the update is over the bound").isGreaterThan(bound);
        assertThat(out.stream().filter(m -> m instanceof DirtyRect).count()).as("sent as it came").isPositive();
        assertThat(stats.coalesceEvents.sum()).as("no backlog: nothing coalesced").isZero();
        ackUntilShown(c, out, 0);
        assertThat(stats.resyncTilesEncoded.sum()).as("nothing re-sent from the mirror").isEqualTo(resyncBefore);
        assertThat(shown.pixels()).isEqualTo(mirror.pixels());
    }

    @Test
    void aClientWithoutTheFeatureGetsNoPingAndEverythingAtOnce() throws Exception {
        start();
        registry.addDisplay(ch, 0, false);
        List<Message> out = written();
        assertThat(out).noneMatch(m -> m instanceof FlowPing);
        assertThat(shown.pixels()).isEqualTo(mirror.pixels());
    }
}
