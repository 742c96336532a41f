package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.source.vrde.order.OrderParser;
import org.svp.source.vrde.order.OrderTranslator;

/**
 * VRDE source: a VRDEUpdate order buffer (header + orders, docs/vrde.md) through the order parser and
 * the translator, then what it emits through the renderer the server's mirror uses, on a 200 × 150
 * screen. The translator never throws; a buffer that fails to parse asks for a refresh; what it emits
 * draws (a message the renderer refuses is a {@link PeerProtocolException}, nothing else). Seeds:
 * hand-made buffers with every order code.
 */
class VrdeOrderFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] update) {
        check(update);
    }

    static void check(byte[] update) {
        List<Rect> refreshes = new ArrayList<>();
        OrderTranslator t = new OrderTranslator(refreshes::add);
        t.resized(200, 150);
        List<DisplayMessage> out = new ArrayList<>();
        t.translate(ByteBuffer.wrap(update), out);
        if (OrderParser.parse(ByteBuffer.wrap(update)).error() != null) {
            assertThat(refreshes).as("refreshes after a malformed buffer").isNotEmpty();
        }
        OrderRenderer renderer = new OrderRenderer(new Surface(0, 0));
        renderer.apply(new ScreenResize(200, 150));
        for (DisplayMessage m : out) {
            try {
                renderer.apply(m);
            } catch (PeerProtocolException refused) {
                // e.g. a MEMBLT of a bitmap this fresh renderer never cached
            }
        }
    }
}
