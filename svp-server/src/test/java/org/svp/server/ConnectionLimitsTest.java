package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Command;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.server.TestSources.ScriptedSource;
import org.svp.server.limits.ServerLimits;

/**
 * One connection at a time hits a limit (docs/security.md "Limits and timeouts"): it alone is closed,
 * within the (shortened) timeout, with one line naming the limit and the peer; the log stays bounded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionLimitsTest {
    /** Short timeouts so each case takes about a second. */
    private static final ServerLimits SHORT = ServerLimits.DEFAULTS.withTimeouts(Duration.ofMillis(500),
            Duration.ofMillis(800), Duration.ofMillis(50));

    private static SvpServer start(ScriptedSource source, boolean singlePort) throws Exception {
        return TestServers.start(ServerConfig.of(TestServers.HOST, 0, singlePort), SHORT, source);
    }

    private static byte[] header(Command c, int size) {
        return ByteBuffer.allocate(ProtocolLimits.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) ProtocolLimits.MAGIC).putShort((short) c.wireId()).putInt(size).array();
    }

    @Test
    void handshakeThatNeverCompletesIsClosedWithinTheTimeout() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), false);
             RawClient silent = RawClient.connect(server.port())) {
            long t0 = System.nanoTime();
            assertThat(silent.awaitClosed(Duration.ofSeconds(10))).as("closed by the server").isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("closed after the 500 ms hand-shake timeout, ms").isBetween(400L, 5_000L);
            String line = log.await("no hand-shake", Duration.ofSeconds(5));
            assertThat(line).contains("WARN", "closing /127.0.0.1:", "(main): no hand-shake within 0.5 s");
            TestServers.await(() -> server.openConnections() == 0, Duration.ofSeconds(5), "no connection left");
            assertThat(server.stats().limitCloses.sum()).isEqualTo(1);
        }
    }

    @Test
    void headerThenSilenceIsClosedAfterTheHandshake() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true);
             RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
            input.sendBytes(new byte[] {0x5A, 0x7F, 30, 0}); // half a header, then nothing
            assertThat(input.awaitClosed(Duration.ofSeconds(10))).isTrue();
            assertThat(log.await("did not arrive whole", Duration.ofSeconds(5)))
                    .contains("(input): a message header did not arrive whole within 0.8 s");
        }
    }

    @Test
    void idleButCompleteConnectionStays() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true);
             RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
            input.send(new KeyboardEvent(true, 0x1E));
            assertThat(input.awaitClosed(Duration.ofMillis(1500))).as("an idle channel with no partial message")
                    .isFalse();
            assertThat(log.lines()).noneMatch(l -> l.contains("closing"));
        }
    }

    @Test
    void bigHeaderThenTrickleIsClosed() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true);
             RawClient display = RawClient.open(server, ChannelType.DISPLAY, 0)) {
            display.sendBytes(header(Command.GRAPHIC_CONFIG, 4000)); // within the display limit
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean closed = false;
            for (int i = 0; i < 100 && !closed && System.nanoTime() < deadline; i++) {
                try {
                    display.sendBytes(new byte[] {'a'});
                } catch (java.io.IOException e) {
                    break;
                }
                closed = display.awaitClosed(Duration.ofMillis(100));
            }
            assertThat(closed || display.awaitClosed(Duration.ofSeconds(2))).as("closed while trickling").isTrue();
            assertThat(log.await("did not arrive whole", Duration.ofSeconds(5)))
                    .contains("(display): a message of 4000 bytes did not arrive whole within 0.8 s");
        }
    }

    @Test
    void oneMebibyteHeaderOnDisplayIsClosedAtOnce() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), false);
             RawClient display = RawClient.open(server, ChannelType.DISPLAY, 0)) {
            display.sendBytes(header(Command.GRAPHIC_CONFIG, 1 << 20));
            assertThat(display.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(log.await("exceeds", Duration.ofSeconds(5))).contains(
                    "(display): message of 1048576 bytes exceeds the display channel's limit of 4096");
        }
    }

    @Test
    void oversizedInputMessageIsClosedWithTheSpecificLine() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true);
             RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
            input.sendBytes(header(Command.KEYBOARD_EVENT, 65));
            assertThat(input.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(log.await("exceeds", Duration.ofSeconds(5))).contains("WARN", "closing /127.0.0.1:",
                    "(input): message of 65 bytes exceeds the input channel's limit of 64");
            assertThat(log.lines()).noneMatch(l -> l.contains("internal error") || l.contains("\tat "));
        }
    }

    @Test
    void truncatedMessagesThenCloseLeaveNothingBehind() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true)) {
            for (int i = 0; i < 50; i++) {
                try (RawClient display = RawClient.open(server, ChannelType.DISPLAY, 0)) {
                    display.sendBytes(header(Command.GRAPHIC_CONFIG, 4000));
                    display.sendBytes(new byte[2000]); // half of it, then close
                }
            }
            TestServers.await(() -> server.openConnections() == 0, Duration.ofSeconds(10),
                    "every truncated connection forgotten");
            assertThat(server.stats().limitCloses.sum()).isZero();
            assertThat(log.lines()).noneMatch(l -> l.contains("LEAK") || l.contains("ERROR"));
        }
    }

    @Test
    void inputFloodClosesThatConnection() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (LogCapture log = LogCapture.start(); SvpServer server = start(source, true);
             RawClient input = RawClient.open(server, ChannelType.INPUT, 0)) {
            ByteBuffer flood = ByteBuffer.allocate(5000 * 13).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 5000; i++) {
                flood.put(header(Command.KEYBOARD_EVENT, 5)).put((byte) (i & 1)).putInt(0x1E);
            }
            try {
                input.sendBytes(flood.array());
            } catch (java.io.IOException closedWhileSending) {
                // expected on a fast machine
            }
            assertThat(input.awaitClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(log.await("flood", Duration.ofSeconds(5)))
                    .contains("(input): more than 1000 input messages per second (flood)");
            assertThat(source.input.size()).as("events that reached the source").isBetween(1000, 2100);
        }
    }

    @Test
    void logFloodStaysBoundedWithASummary() throws Exception {
        try (LogCapture log = LogCapture.start(); SvpServer server = start(new ScriptedSource(), true);
             RawClient display = RawClient.open(server, ChannelType.DISPLAY, 0)) {
            int n = 100_000;
            ByteBuffer bad = ByteBuffer.allocate(n * 12).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) { // framed, but a 4-byte KEYBOARD_EVENT: rejected, then wrong channel
                bad.put(header(Command.KEYBOARD_EVENT, 4)).putInt(i);
            }
            display.sendBytes(bad.array());
            display.send(new org.svp.protocol.message.Nop());
            Thread.sleep(300);
            assertThat(display.awaitClosed(Duration.ofMillis(200))).as("bad bodies do not close").isFalse();
            display.close();
            String summary = log.await("suppressed", Duration.ofSeconds(10));
            assertThat(summary).containsPattern("… \\d+ more warnings from /127\\.0\\.0\\.1:\\d+ suppressed");
            TestServers.await(() -> counted(log) == n, Duration.ofSeconds(10), "every bad message counted");
            int bytes = String.join("\n", log.lines()).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).as("log bytes for %d bad messages", n).isLessThan(20 * 1024);
        }
    }

    /** Warnings logged plus those the summaries say were suppressed. */
    private static long counted(LogCapture log) {
        long n = 0;
        for (String l : log.lines()) {
            if (l.contains("rejected a message")) {
                n++;
            } else if (l.contains("more warnings from /127.0.0.1")) {
                n += Long.parseLong(l.replaceAll(".*… (\\d+) more.*", "$1"));
            }
        }
        return n;
    }
}
