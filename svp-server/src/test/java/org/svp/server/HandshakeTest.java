package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.OrderRenderer;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.source.SourceUpdate;

/** The v1 hand-shake of protocol.md §3, byte for byte, on plain sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HandshakeTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final Duration LOG_WAIT = Duration.ofSeconds(5);

    @ParameterizedTest(name = "singlePort={0}")
    @ValueSource(booleans = {false, true})
    void handshakeIsByteExact(boolean singlePort) throws Exception {
        ScriptedSource source = new ScriptedSource();
        CursorShape cursor = cursor();
        try (SvpServer server = TestServers.start(source, singlePort)) {
            source.draw(new ScreenResize(W, H), new SolidRect(new Rect(0, 0, W, H), 0x102030),
                    TestSources.noiseRect(100, 50, 300, 200, 9));
            source.submit(new SourceUpdate.Cursor(cursor));
            source.applied();

            int base = server.port();
            try (RawClient main = RawClient.connect(base)) {
                RawClient.Frame list = RawClient.mainInit(main);
                assertThat(list.header()).containsExactly(0x5A, 0x7F, 41, 0, 38, 0, 0, 0);
                assertThat(list.body()).hasSize(38).isEqualTo(channelListBody(base, singlePort));
                assertThat(Arrays.copyOfRange(list.body(), 6 + 4 * 5, 38)).as("slots 5..7").containsOnly(0);
            }

            try (RawClient display = RawClient.open(server, ChannelType.DISPLAY, 0)) {
                assertThat(display.ready().bytes()).containsExactly(0x5A, 0x7F, 43, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF);
                RawClient.Frame resize = display.read();
                assertThat(resize.bytes()).as("SCREEN_RESIZE first").containsExactly(0x5A, 0x7F, 1, 0, 4, 0, 0, 0,
                        W & 0xFF, W >> 8, H & 0xFF, H >> 8);
                List<RawClient.Frame> rest = new ArrayList<>();
                long covered = 0;
                while (covered < (long) W * H) {
                    RawClient.Frame f = display.read();
                    assertThat(f.is(Command.DIRTY_RECT)).as("join picture is DIRTY_RECTs, got %d", f.command())
                            .isTrue();
                    DirtyRect d = (DirtyRect) f.message();
                    covered += (long) d.bitmap().width() * d.bitmap().height();
                    rest.add(f);
                }
                assertThat(covered).as("DIRTY_RECT area is exactly the screen").isEqualTo((long) W * H);
                OrderRenderer r = RawClient.rendered(List.of(resize));
                RawClient.render(rest, r);
                assertSamePixels(r.surface(), TestServers.serverSnapshot(server), "join picture");
                assertThat(display.readWithin(Duration.ofMillis(200))).as("nothing after the join picture").isEmpty();
            }

            try (RawClient cur = RawClient.open(server, ChannelType.CURSOR, 0)) {
                assertThat(cur.ready().bytes()).containsExactly(0x5A, 0x7F, 43, 0, 4, 0, 0, 0, 1, 0, 0, 0);
                assertThat(cur.read().bytes()).as("current CURSOR on join").isEqualTo(MessageWriter.encode(cursor));
            }
            try (RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
                assertThat(input.ready().body()).containsExactly(1, 0, 0, 0);
            }
            assertThat(server.stats().protocolDrops.sum()).isZero();
        }
    }

    @Test
    void wrongFirstMessageClosesTheConnection() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = TestServers.start(source, false)) {
            try (RawClient c = RawClient.connect(server.port())) {
                c.send(new KeyboardEvent(true, 0x1E));
                assertThat(c.awaitClosed(Duration.ofSeconds(5))).as("closed after KEYBOARD_EVENT first").isTrue();
            }
            int display = server.channelList().channels().get(ChannelType.DISPLAY.wireId()).port();
            try (RawClient c = RawClient.connect(display)) {
                c.send(new SolidRect(new Rect(0, 0, 1, 1), 0));
                assertThat(c.awaitClosed(Duration.ofSeconds(5))).as("closed after SOLID_RECT first").isTrue();
            }
            try (RawClient c = RawClient.connect(display)) {
                c.send(new ChannelInit(9, 0, -1));
                assertThat(c.awaitClosed(Duration.ofSeconds(5))).as("closed after CHANNEL_INIT type 9").isTrue();
            }
            TestServers.await(() -> server.stats().protocolDrops.sum() >= 3, Duration.ofSeconds(5), "protocolDrops");
            assertThat(server.stats().protocolDrops.sum()).as("each dropped connection counted once").isEqualTo(3);
            assertThat(server.displayClientCount().get()).isZero();
            assertThat(log.await("got KEYBOARD_EVENT; closing", LOG_WAIT)).contains("WARN",
                    "expected MAIN_CHANNEL_INIT or CHANNEL_INIT first");
            assertThat(log.await("got SOLID_RECT; closing", LOG_WAIT)).contains("WARN");
            assertThat(log.await("CHANNEL_INIT for unknown channel type 9; closing", LOG_WAIT)).contains("WARN");
        }
    }

    private static byte[] channelListBody(int base, boolean singlePort) {
        ByteBuffer b = ByteBuffer.allocate(38).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(1).putShort((short) 5);
        for (int type = 0; type < 5; type++) {
            b.putShort((short) type).putShort((short) (singlePort ? base : base + type));
        }
        return b.array(); // slots 5..7 stay zero
    }

    /** A 32×32 arrow-ish shape with a hot spot; fits the v1 8 KiB cursor limit unchanged. */
    private static CursorShape cursor() {
        int w = 32;
        int h = 32;
        byte[] mask = new byte[w / 8 * h];
        byte[] color = new byte[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean in = x <= y;
                if (!in) {
                    mask[y * 4 + x / 8] |= (byte) (0x80 >> (x & 7));
                } else {
                    color[3 * (y * w + x)] = (byte) (x * 8);
                    color[3 * (y * w + x) + 1] = (byte) (y * 8);
                    color[3 * (y * w + x) + 2] = (byte) 0xC0;
                }
            }
        }
        return new CursorShape(3, 5, w, h, mask, color);
    }
}
