package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.codec.palette.PaletteCodec;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageReader;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.server.screen.ScreenMirror;
import org.svp.server.session.ClientRegistry;
import org.svp.server.session.DisplayClient;
import org.svp.server.update.UpdateEncoder;
import org.svp.server.update.UpdatePipeline;
import org.svp.server.update.UpdateQueue;
import org.svp.source.SourceUpdate;

/**
 * The update path with a v1 display client (LZ4), a v2 one that negotiated PALETTE and QOIZ and a v2
 * one that also negotiated ZSTREAM, fed the demo desktop and then text-like, photo-like and repeated
 * tiles: all clients end with the server's exact picture; the v1 client sees RAW/LZ4 bitmaps only, the
 * v2 ones the new codecs (including PAL_FROM_CACHE; ZSTREAM for the third) in fewer bytes. The I/O
 * thread is a task queue run by the test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CodecNegotiatedPipelineTest {
    private final LinkedBlockingQueue<Runnable> ioTasks = new LinkedBlockingQueue<>();

    /** What one client received. */
    private static final class Receiver {
        final OrderRenderer renderer = new OrderRenderer(new Surface(0, 0));
        final Map<String, Integer> codecs = new HashMap<>();
        long bytes;

        void drain(EmbeddedChannel ch) {
            ByteBuf f;
            while ((f = ch.readOutbound()) != null) {
                try {
                    bytes += f.readableBytes();
                    DisplayMessage m = (DisplayMessage) MessageReader.decodeFrame(ByteBufUtil.getBytes(f));
                    if (m instanceof DirtyRect d) {
                        String k = CodecId.name(d.bitmap().codec());
                        if (d.bitmap().codec() == CodecId.PALETTE) {
                            k += d.bitmap().data()[0] == PaletteCodec.PAL_FROM_CACHE ? "/FROM_CACHE" : "/CACHE_ME";
                        }
                        codecs.merge(k, 1, Integer::sum);
                    } else if (m instanceof SolidRect) {
                        codecs.merge("SOLID_RECT", 1, Integer::sum);
                    }
                    renderer.apply(m);
                } finally {
                    f.release();
                }
            }
        }
    }

    @Test
    void v2ClientGetsNewCodecsV1ClientRawLz4BothExact() throws Exception {
        ServerStats stats = new ServerStats();
        ScreenMirror mirror = new ScreenMirror();
        ClientRegistry registry = new ClientRegistry(mirror, stats, ServerConfig.DEFAULT_CLIENT_QUEUE_BYTES);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        EmbeddedChannel v1 = new EmbeddedChannel();
        EmbeddedChannel v2 = new EmbeddedChannel();
        EmbeddedChannel v3 = new EmbeddedChannel();
        EmbeddedChannel v4 = new EmbeddedChannel();
        TestSources.Demo demo = TestSources.Demo.of(640, 480, 40, 0);
        try {
            UpdatePipeline pipeline = new UpdatePipeline(ioTasks::add, workers,
                    new UpdateEncoder(PooledByteBufAllocator.DEFAULT, stats), mirror, registry, stats, 4);
            UpdateQueue queue = new UpdateQueue(8, ioTasks::add, pipeline::drain);
            pipeline.attach(queue);
            DisplayClient c1 = registry.addDisplay(v1);
            c1.configure(new GraphicSettings(CodecId.LZ4, false));
            registry.addDisplay(v2, Feature.CODEC_PALETTE | Feature.CODEC_QOIZ);
            registry.addDisplay(v3, Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_ZSTREAM);
            registry.addDisplay(v4, Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_ZSTREAM | Feature.CODEC_TEXTZ);
            Receiver r1 = new Receiver();
            Receiver r2 = new Receiver();
            Receiver r3 = new Receiver();
            Receiver r4 = new Receiver();

            demo.demo().start(queue);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!demo.finished().isDone() && System.nanoTime() < deadline) {
                Runnable t = ioTasks.poll(50, TimeUnit.MILLISECONDS);
                if (t != null) {
                    t.run();
                }
                r1.drain(v1);
                r2.drain(v2);
                r3.drain(v3);
                r4.drain(v4);
            }
            assertThat(demo.finished()).as("the demo finished in time").isDone();
            demo.demo().close();
            // then content of each class, twice (the second time the palettes come from the cache)
            int[] text = textLike(200, 100);
            int[] photo = TestSources.gradient(150, 90, 3);
            for (int round = 0; round < 2; round++) {
                queue.submit(new SourceUpdate.Draw(List.of(
                        new DirtyRect(TestSources.rgb32(10 + round, 20, 200, 100, text)),
                        new DirtyRect(TestSources.rgb32(300, 200 + round, 150, 90, photo)),
                        new DirtyRect(TestSources.rgb32(0, 400, 128, 64, new int[128 * 64])))));
            }
            runUntilQuiet(new Receiver[] {r1, r2, r3, r4}, new EmbeddedChannel[] {v1, v2, v3, v4});

            int[] server = mirror.pixels().clone();
            for (int i = 0; i < server.length; i++) {
                server[i] &= 0xFFFFFF;
            }
            assertThat(r1.renderer.surface().pixels()).as("v1 client's picture").isEqualTo(server);
            assertThat(r2.renderer.surface().pixels()).as("v2 client's picture").isEqualTo(server);
            assertThat(r3.renderer.surface().pixels()).as("ZSTREAM client's picture").isEqualTo(server);
            assertThat(r3.codecs).as("ZSTREAM client's codecs").containsKeys("ZSTREAM", "QOIZ", "SOLID_RECT")
                    .doesNotContainKey("PALETTE/CACHE_ME");
            assertThat(r3.bytes).as("ZSTREAM client's bytes vs the v1 client's").isLessThan(r1.bytes);
            assertThat(stats.codecCounters().get("ZSTREAM").regions()).isPositive();
            // TEXTZ replaces ZSTREAM for a client that has both (its glyph slots and stream are its own)
            assertThat(r4.renderer.surface().pixels()).as("TEXTZ client's picture").isEqualTo(server);
            assertThat(r4.codecs).as("TEXTZ client's codecs").containsKeys("TEXTZ", "QOIZ", "SOLID_RECT")
                    .doesNotContainKey("ZSTREAM");
            assertThat(r4.bytes).as("TEXTZ client's bytes vs the v1 client's").isLessThan(r1.bytes);
            assertThat(stats.codecCounters().get("TEXTZ").regions()).isPositive();
            assertThat(r1.codecs.keySet()).as("v1 client's codecs").isSubsetOf("RAW", "LZ4", "SOLID_RECT");
            assertThat(r2.codecs).as("v2 client's codecs").containsKeys("PALETTE/CACHE_ME", "PALETTE/FROM_CACHE",
                    "QOIZ", "SOLID_RECT");
            assertThat(r2.bytes).as("v2 bytes vs v1 bytes").isLessThan(r1.bytes);
            assertThat(stats.codecCounters()).containsKeys("LZ4", "PALETTE", "QOIZ", "SOLID");
            assertThat(stats.codecCounters().get("PALETTE").regions()).isPositive();
        } finally {
            demo.demo().close();
            v1.finishAndReleaseAll();
            v2.finishAndReleaseAll();
            v3.finishAndReleaseAll();
            v4.finishAndReleaseAll();
            workers.shutdownNow();
        }
    }

    private void runUntilQuiet(Receiver[] rs, EmbeddedChannel[] chs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int idle = 0;
        while (idle < 10 && System.nanoTime() < deadline) {
            Runnable t = ioTasks.poll(20, TimeUnit.MILLISECONDS);
            if (t == null) {
                idle++;
            } else {
                idle = 0;
                t.run();
            }
            for (int i = 0; i < rs.length; i++) {
                rs[i].drain(chs[i]);
            }
        }
    }

    /** Dark text on a light background with anti-aliased edges: a dozen colours. */
    private static int[] textLike(int w, int h) {
        int[] px = new int[w * h];
        int[] shades = {0xF0F0F0, 0xC0C0C0, 0x909090, 0x606060, 0x303030, 0x000000};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int glyph = ((x / 7) * 31 + (y / 12) * 17) % 5;
                int in = ((x % 7) * (y % 12) + glyph) % 9;
                px[y * w + x] = y % 12 > 9 || x % 7 == 6 ? shades[0] : shades[Math.min(5, in)];
            }
        }
        return px;
    }

}
