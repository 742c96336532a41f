package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.svp.netty.MalformedMessage;
import org.svp.netty.SvpFrameDecoder;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.DisplayMessage;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * Lives in package org.svp so that Jazzer instruments every org.svp class (it instruments the
 * fuzz test's package and below). Fuzzes what a client does with the bytes of a display channel: the frame decoder, the message
 * reader, the bitmap codecs and the renderer, in one pass (FreeRDP's TestFuzzCodecs idea). The only
 * acceptable failure is a {@link PeerProtocolException}; anything else (IndexOutOfBounds, OOM from a
 * huge allocation, NPE) is a bug. In a plain {@code mvn test} Jazzer replays the seed corpus in
 * {@code src/test/resources/org/svp/DisplayStreamFuzzInputs/} as a regression test; with
 * {@code JAZZER_FUZZ=1} it fuzzes for the given time (docs/testing.md "Fuzzing").
 */
class DisplayStreamFuzz {

    @FuzzTest(maxDuration = "30s")
    void decodeAndRender(byte[] stream) {
        check(stream);
    }

    static void check(byte[] stream) {
        EmbeddedChannel ch = new EmbeddedChannel(new SvpFrameDecoder(1 << 20));
        Surface surface = new Surface(0, 0);
        OrderRenderer renderer = new OrderRenderer(surface);
        renderer.apply(new org.svp.protocol.message.ScreenResize(64, 48));
        try {
            ch.writeInbound(Unpooled.wrappedBuffer(stream));
        } catch (DecoderException e) {
            assertThat(e.getCause()).isInstanceOf(PeerProtocolException.class);
        }
        Object m;
        while ((m = ch.readInbound()) != null) {
            if (m instanceof MalformedMessage) {
                continue;
            }
            if (m instanceof DisplayMessage dm) {
                if (dm instanceof org.svp.protocol.message.ScreenResize r
                        && (long) r.width() * r.height() > 4_000_000) {
                    continue; // a legal but huge canvas: not what this harness is about
                }
                try {
                    renderer.apply(dm);
                } catch (PeerProtocolException expected) {
                    // bad peer data, reported with a reason: fine
                }
            }
        }
        ch.finishAndReleaseAll();
    }
}
