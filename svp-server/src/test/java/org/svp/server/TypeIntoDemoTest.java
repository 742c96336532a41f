package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestServers.serverSnapshot;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.Rect;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;
import org.svp.source.demo.desktop.Desktop;

/** Keys typed by a client reach the demo, which draws them; the client sees the server's new frame. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TypeIntoDemoTest {

    @Test
    void typedTextIsDrawnInTheNotesWindow() throws Exception {
        Demo demo = Demo.of(640, 480, 60, 0);
        TestSources.Tapped source = new TestSources.Tapped(demo.demo());
        try (SvpServer server = TestServers.start(source, true)) {
            demo.awaitFinished();
            try (SvpClient client = TestServers.viewer(server)) {
                Surface before = TestServers.assertConverges(client, () -> serverSnapshot(server), "before typing");

                for (char c : "hello".toCharArray()) {
                    UsKeyboardLayout.Stroke s = UsKeyboardLayout.strokeFor(c).orElseThrow();
                    assertThat(s.shift()).isFalse();
                    client.key(true, s.scancode());
                    client.key(false, s.scancode());
                }
                client.flushInput();
                TestServers.await(() -> "hello".equals(demo.demo().typedText()), TestServers.WAIT,
                        "the demo to have typed \"hello\" (now \"" + demo.demo().typedText() + "\")");
                assertThat(demo.demo().awaitIdle(TestServers.WAIT)).as("demo handled all input").isTrue();

                Surface expected = source.applied(); // after every order the demo submitted for the keys
                Surface after = TestServers.assertConverges(client, () -> expected, "after typing");
                assertSamePixels(after, serverSnapshot(server), "after typing, client vs. server.snapshot()");
                assertThat(client.screen().missingBitmaps()).isZero();

                Rect notes = demo.demo().windowFrame(Desktop.NOTES);
                int changedInside = 0;
                int changedOutside = 0;
                for (int y = 0; y < after.height(); y++) {
                    for (int x = 0; x < after.width(); x++) {
                        if (after.get(x, y) != before.get(x, y)) {
                            boolean inside = x >= notes.x() && x < notes.right() && y >= notes.y()
                                    && y < notes.bottom();
                            if (inside) {
                                changedInside++;
                            } else {
                                changedOutside++;
                            }
                        }
                    }
                }
                assertThat(changedInside).as("pixels changed inside the Notes window %s", notes).isGreaterThan(50);
                assertThat(changedOutside).as("pixels changed outside the Notes window").isZero();
            }
        }
    }
}
