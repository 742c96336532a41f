package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.server.TestSources.Demo;
import org.svp.server.TestSources.ScriptedSource;

/** Misbehaving peers: garbage drops only that connection; bad bodies are skipped, not fatal. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GarbageClientTest {

    @Test
    void garbageOnTheMainPortDropsOnlyThatConnection() throws Exception {
        Demo demo = Demo.of(640, 480, 250, 50);
        try (LogCapture log = LogCapture.start(); SvpServer server = TestServers.start(demo.demo(), false);
                SvpClient good = TestServers.viewer(server)) {
            TestServers.await(() -> good.stats().displayMessages.sum() > 0, TestServers.WAIT, "the good client's picture");

            byte[] garbage = new byte[64];
            new Random(42).nextBytes(garbage);
            garbage[0] = 0x5A; // passes the first-byte check (plain SVP, not TLS) ...
            garbage[1] = 0x00; // ... but is never the magic 5A 7F (other first bytes: TlsTransportTest)
            try (RawClient bad = RawClient.connect(server.port())) {
                bad.sendBytes(garbage);
                assertThat(bad.awaitClosed(Duration.ofSeconds(5))).as("server closed the garbage connection").isTrue();
            }
            TestServers.await(() -> server.stats().protocolDrops.sum() >= 1, Duration.ofSeconds(5), "protocolDrops");
            assertThat(server.stats().protocolDrops.sum()).isEqualTo(1);
            assertThat(log.await("dropping connection", Duration.ofSeconds(5))).contains("WARN", "AWAIT_INIT",
                    "BAD_MAGIC at offset 0: expected magic 0x7F5A");

            assertThat(demo.finished()).as("the demo was still animating after the garbage").isNotDone();
            long seen = good.stats().displayMessages.sum();
            TestServers.await(() -> good.stats().displayMessages.sum() > seen, Duration.ofSeconds(5),
                    "the good client to receive more display messages");

            var finalFrame = demo.awaitFinished();
            TestServers.assertConverges(good, () -> finalFrame, "good client at the end");
            assertSamePixels(TestServers.serverSnapshot(server), finalFrame, "server at the end");
            assertThat(good.screen().missingBitmaps()).isZero();
        }
    }

    @Test
    void badKeyboardBodyIsSkippedAndTheInputChannelStaysUp() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = TestServers.start(source, true);
             RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
            assertThat(input.ready().body()).containsExactly(1, 0, 0, 0);

            ByteBuffer bad = ByteBuffer.allocate(ProtocolLimits.HEADER_LENGTH + 4).order(ByteOrder.LITTLE_ENDIAN);
            bad.putShort((short) ProtocolLimits.MAGIC).putShort((short) Command.KEYBOARD_EVENT.wireId()).putInt(4)
                    .put((byte) 1).put((byte) 0x1E).put((byte) 0).put((byte) 0);
            input.sendBytes(bad.array());
            input.send(new KeyboardEvent(true, 0x1E));
            input.send(new KeyboardEvent(false, 0x1E));
            input.send(new KeyboardEvent(false, 0x1C)); // release of a key never pressed (v1 clients do this)
            input.send(new MouseEvent(10, 20, 1));

            Message[] expected = {new KeyboardEvent(true, 0x1E), new KeyboardEvent(false, 0x1E),
                    new KeyboardEvent(false, 0x1C), new MouseEvent(10, 20, 1)};
            for (Message m : expected) {
                assertThat(source.input.poll(TestServers.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(m);
            }
            assertThat(source.input.poll(200, TimeUnit.MILLISECONDS)).as("the bad event reached the source").isNull();
            assertThat(input.awaitClosed(Duration.ofMillis(300))).as("input channel closed").isFalse();
            assertThat(server.stats().protocolDrops.sum()).isZero();
            assertThat(log.await("rejected a message", Duration.ofSeconds(5))).contains("WARN", "INPUT",
                    "BAD_BODY_SIZE in KEYBOARD_EVENT (id 30) at offset 0: expected a 5-byte body, got 4");
        }
    }
}
