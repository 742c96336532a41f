package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.ChannelType;
import org.svp.protocol.Feature;
import org.svp.protocol.message.ChannelInitV2;
import org.svp.protocol.message.ChannelReady;
import org.svp.server.TestSources.Demo;

/**
 * TEXTZ (codec 6) replaces ZSTREAM's stream, so the server grants it only together with ZSTREAM: a
 * display channel asking for both gets both, one asking for TEXTZ alone gets neither stream codec.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TextzNegotiationTest {

    /** A session of its own (one display channel per session) whose display channel asks for {@code asked}. */
    private static int granted(SvpServer server, int asked) throws Exception {
        try (RawClient main = RawClient.connect(server.port())) {
            byte[] token = RawV2.token(RawV2.handshake(main, null));
            try (RawClient display = RawClient.connect(RawV2.port(server, ChannelType.DISPLAY))) {
                display.send(new ChannelInitV2(ChannelType.DISPLAY.wireId(), 0, asked, token));
                return ((ChannelReady) display.read().message()).features();
            }
        }
    }

    @Test
    void textzIsGrantedOnlyWithZstream() throws Exception {
        Demo demo = Demo.of(640, 480, 10, 0);
        try (SvpServer server = TestServers.start(demo.demo(), false)) {
            int both = granted(server, Feature.GDI | Feature.CODEC_QOIZ | Feature.CODEC_ZSTREAM | Feature.CODEC_TEXTZ);
            assertThat(both & (Feature.CODEC_ZSTREAM | Feature.CODEC_TEXTZ)).as("asked for both")
                    .isEqualTo(Feature.CODEC_ZSTREAM | Feature.CODEC_TEXTZ);
            int alone = granted(server, Feature.GDI | Feature.CODEC_QOIZ | Feature.CODEC_TEXTZ);
            assertThat(alone & Feature.CODEC_TEXTZ).as("TEXTZ without ZSTREAM").isZero();
            assertThat(alone & Feature.CODEC_QOIZ).as("the other codecs stay").isEqualTo(Feature.CODEC_QOIZ);
        }
    }
}
