package org.svp.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.svp.netty.SvpFrameDecoder;
import org.svp.protocol.ChannelType;
import org.svp.server.LogCapture;
import org.svp.server.ServerStats;

/** The guard on an {@link EmbeddedChannel}: direct-memory exhaustion and the per-channel body limit. */
class ConnectionGuardTest {

    private static EmbeddedChannel channel(ChannelType type, ServerStats stats) {
        SvpFrameDecoder frames = new SvpFrameDecoder(1 << 20);
        LogLimiter all = new LogLimiter("all peers", 20, Duration.ofSeconds(10));
        return new EmbeddedChannel(frames, new ConnectionGuard(ServerLimits.DEFAULTS, type, frames, all, stats));
    }

    @Test
    void outOfDirectMemoryClosesOnlyThisConnectionWithOneLine() {
        ServerStats stats = new ServerStats();
        try (LogCapture log = LogCapture.start()) {
            EmbeddedChannel ch = channel(ChannelType.DISPLAY, stats);
            ch.pipeline().fireExceptionCaught(new OutOfMemoryError("Cannot reserve 4194304 bytes of direct buffer memory"));
            assertThat(ch.isOpen()).isFalse();
            assertThat(log.lines()).hasSize(1).first().asString().contains("WARN", "(display): out of memory for its"
                    + " buffers (Cannot reserve 4194304 bytes of direct buffer memory)").doesNotContain("internal error");
            assertThat(stats.limitCloses.sum()).isEqualTo(1);
        }
    }

    @Test
    void theInputPortsLimitAppliesFromTheFirstByte() {
        ServerStats stats = new ServerStats();
        try (LogCapture log = LogCapture.start()) {
            EmbeddedChannel ch = channel(ChannelType.INPUT, stats);
            // a CHANNEL_INIT header claiming 100 bytes on the input port
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x5A, 0x7F, 42, 0, 100, 0, 0, 0}));
            assertThat(ch.isOpen()).isFalse();
            assertThat(log.lines()).hasSize(1).first().asString()
                    .contains("(input): message of 100 bytes exceeds the input channel's limit of 64");
        }
    }

    @Test
    void logLimiterSummarisesWhatItSuppressed() {
        try (LogCapture log = LogCapture.start()) {
            LogLimiter l = new LogLimiter("127.0.0.1:41234", 5, Duration.ofHours(1));
            org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger("test");
            for (int i = 0; i < 1239; i++) {
                l.warn(logger, "bad message {}", i);
            }
            l.close();
            assertThat(log.lines()).hasSize(6);
            assertThat(log.lines().getLast()).endsWith("… 1234 more warnings from 127.0.0.1:41234 suppressed");
        }
    }
}
