package org.svp.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageWriter;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.SourceUpdate;

class RecordAndReplayTest {
    @TempDir
    Path dir;

    /** A source that submits a fixed list of updates, {@code gapMillis} apart, then stops. */
    private static final class Scripted implements DisplaySource {
        private final List<SourceUpdate> updates;
        private final long gapMillis;
        final CountDownLatch done = new CountDownLatch(1);
        private Thread thread;

        Scripted(List<SourceUpdate> updates, long gapMillis) {
            this.updates = updates;
            this.gapMillis = gapMillis;
        }

        @Override
        public void start(DisplaySink sink) {
            thread = new Thread(() -> {
                try {
                    for (SourceUpdate u : updates) {
                        sink.submit(u);
                        Thread.sleep(gapMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                done.countDown();
            });
            thread.start();
        }

        @Override
        public InputSink input() {
            return InputSink.IGNORE;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** Collects what a source submits, with the time of each. */
    private static final class Collecting implements DisplaySink {
        final List<SourceUpdate> got = new ArrayList<>();
        final List<Long> at = new ArrayList<>();
        final AtomicReference<UpstreamException> failed = new AtomicReference<>();
        final CountDownLatch failure = new CountDownLatch(1);

        @Override
        public synchronized void submit(SourceUpdate update) {
            got.add(update);
            at.add(System.nanoTime());
        }

        @Override
        public void fail(UpstreamException e) {
            failed.set(e);
            failure.countDown();
        }
    }

    private static List<SourceUpdate> script() {
        byte[] px = new byte[4 * 3 * 2];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 37);
        }
        CursorShape cursor = new CursorShape(1, 2, 2, 2, new byte[] {(byte) 0x3F, 0, 0, 0, 0, 0, 0, 0},
                new byte[2 * 2 * 3]);
        return List.of(
                new SourceUpdate.Draw(List.of(new ScreenResize(64, 48))),
                new SourceUpdate.Draw(List.of(new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, 5, 6, 3, 2, px)),
                        new SolidRect(new Rect(0, 0, 10, 10), 0x123456)), System.nanoTime()),
                new SourceUpdate.Marker((w, h, argb) -> { }),
                new SourceUpdate.Cursor(cursor),
                new SourceUpdate.Draw(List.of(new ScreenBlt(new Rect(0, 10, 64, 20), 0, 12, 0xCC))));
    }

    /** The messages of the Draw and Cursor updates as wire frames, to compare by content. */
    private static List<String> frames(List<SourceUpdate> updates) {
        List<String> out = new ArrayList<>();
        for (SourceUpdate u : updates) {
            switch (u) {
                case SourceUpdate.Draw d -> {
                    StringBuilder sb = new StringBuilder("draw");
                    for (DisplayMessage m : d.messages()) {
                        sb.append(' ').append(java.util.HexFormat.of().formatHex(MessageWriter.encode(m)));
                    }
                    out.add(sb.toString());
                }
                case SourceUpdate.Cursor c -> out.add("cursor " + java.util.HexFormat.of().formatHex(MessageWriter.encode(c.shape())));
                case SourceUpdate.Marker m -> { }
            }
        }
        return out;
    }

    private Path record(List<SourceUpdate> updates, long gapMillis) throws Exception {
        Path file = dir.resolve("a.svprec");
        Scripted inner = new Scripted(updates, gapMillis);
        RecordingSource rec = new RecordingSource(inner, file);
        Collecting served = new Collecting();
        rec.start(served);
        assertThat(inner.done.await(10, TimeUnit.SECONDS)).isTrue();
        rec.close();
        assertThat(frames(served.got)).isEqualTo(frames(updates)); // served unchanged while recording
        return file;
    }

    private static Collecting replay(ReplaySource source, int expected) throws Exception {
        Collecting sink = new Collecting();
        source.start(sink);
        source.sessionObserver().orElseThrow().connected(null); // the first client: the replay starts
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && sink.failure.getCount() > 0) {
            synchronized (sink) {
                if (sink.got.size() >= expected) {
                    break;
                }
            }
            Thread.sleep(10);
        }
        return sink;
    }

    @Test
    void aReplayHandsTheServerWhatTheSourceSentWithItsTiming() throws Exception {
        List<SourceUpdate> script = script();
        Path file = record(script, 150);
        ReplaySource replay = new ReplaySource(file);
        CountDownLatch finished = new CountDownLatch(1);
        replay.onFinished(finished::countDown);
        try {
            Collecting sink = replay(replay, 4);
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(frames(sink.got)).isEqualTo(frames(script)); // the marker is not recorded
            assertThat(sink.got.get(1)).isInstanceOfSatisfying(SourceUpdate.Draw.class,
                    d -> assertThat(d.captureNanos()).isNotZero());
            // recorded 150 ms apart (a marker's 150 ms between the 2nd and the cursor): replayed so too
            assertThat(sink.at.get(1) - sink.at.get(0)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(120));
            assertThat(sink.at.get(2) - sink.at.get(1)).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(250));
            assertThat(sink.failed.get()).isNull();
        } finally {
            replay.close();
        }
    }

    @Test
    void theReplayWaitsForTheFirstClientSession() throws Exception {
        Path file = record(script(), 1);
        ReplaySource replay = new ReplaySource(file);
        try {
            Collecting sink = new Collecting();
            replay.start(sink);
            Thread.sleep(ReplaySource.START_DELAY_MILLIS + 500);
            synchronized (sink) {
                assertThat(sink.got).isEmpty();
            }
        } finally {
            replay.close();
        }
    }

    @Test
    void aRecordingCutOffInsideARecordFailsTheSourceWithAMessage() throws Exception {
        Path file = record(script(), 1);
        byte[] whole = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.svprec");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 12));
        ReplaySource replay = new ReplaySource(cut);
        try {
            Collecting sink = replay(replay, Integer.MAX_VALUE);
            assertThat(sink.failure.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sink.failed.get().getMessage()).contains("the recording " + cut + " is damaged");
        } finally {
            replay.close();
        }
    }

    @Test
    void aFileThatIsNoRecordingIsRefusedAtOnce() throws IOException {
        Path bogus = dir.resolve("x.png");
        Files.writeString(bogus, "\u0089PNG and so on");
        assertThatThrownBy(() -> new ReplaySource(bogus)).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("is not an SVP recording");
        assertThatThrownBy(() -> new ReplaySource(dir.resolve("missing.svprec"))).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("no recording at");
    }

    @Test
    void damagedRecordsAreRefusedWithTheirPlace() throws Exception {
        Path file = dir.resolve("bad.svprec");
        try (RecordingWriter w = new RecordingWriter(file)) {
            w.write(new SourceUpdate.Draw(List.of(new ScreenResize(10, 10))));
        }
        // rewrite it with a message length no recording holds
        Path bad = dir.resolve("bad2.svprec");
        try (var out = new java.io.DataOutputStream(new com.github.luben.zstd.ZstdOutputStream(
                Files.newOutputStream(bad)))) {
            out.writeByte(Recording.DRAW);
            out.writeLong(0);
            out.writeLong(-1);
            out.writeInt(1);
            out.writeInt(-5);
        }
        byte[] body = Files.readAllBytes(bad);
        byte[] withMagic = new byte[Recording.MAGIC.length + body.length];
        System.arraycopy(Recording.MAGIC, 0, withMagic, 0, Recording.MAGIC.length);
        System.arraycopy(body, 0, withMagic, Recording.MAGIC.length, body.length);
        Files.write(bad, withMagic);
        try (RecordingReader r = new RecordingReader(file)) {
            assertThat(r.next().update()).isInstanceOf(SourceUpdate.Draw.class);
            assertThat(r.next()).isNull();
        }
        try (RecordingReader r = new RecordingReader(bad)) {
            assertThatThrownBy(r::next).isInstanceOf(IOException.class)
                    .hasMessageContaining("damaged after 0 records: a message of -5 bytes");
        }
    }
}
