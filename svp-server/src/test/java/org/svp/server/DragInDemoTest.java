package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.assertSamePixels;
import static org.svp.server.TestServers.serverSnapshot;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.Rect;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;
import org.svp.source.demo.desktop.Desktop;

/**
 * A client drags a demo window over others and clicks another window through the server; the
 * windows then overlap (CLIP_DRAW with many rects, DIRTY_RECT from the demo's window backings) and the
 * client must still see exactly what the demo drew.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DragInDemoTest {

    @Test
    void aWindowDraggedByAClientMovesAndTheClientSeesTheDemosPicture() throws Exception {
        Demo demo = Demo.of(640, 480, 40, 0);
        TestSources.Tapped source = new TestSources.Tapped(demo.demo());
        try (SvpServer server = TestServers.start(source, false)) {
            demo.awaitFinished();
            try (SvpClient client = TestServers.viewer(server)) {
                TestServers.assertConverges(client, () -> serverSnapshot(server), "before the drag");
                Rect log = demo.demo().windowFrame(Desktop.LOG);
                int x = log.x() + 40;
                int y = log.y() + 10;
                client.mouse(x, y, 0);
                client.mouse(x, y, MouseButtons.LEFT);
                for (int i = 1; i <= 10; i++) {
                    client.mouse(x + 20 * i, y + 15 * i, MouseButtons.LEFT);
                }
                client.mouse(x + 200, y + 150, 0);
                Rect notes = demo.demo().windowFrame(Desktop.NOTES);
                client.mouse(notes.x() + 5, notes.y() + 100, MouseButtons.LEFT); // raise and focus Notes
                client.mouse(notes.x() + 5, notes.y() + 100, 0);
                client.flushInput();
                TestServers.await(() -> demo.demo().windowFrame(Desktop.LOG).x() == log.x() + 200,
                        TestServers.WAIT, "Log to have moved by (200, 150)");
                // the click on Notes comes after the drag on the wire; the demo may be idle in between
                TestServers.await(() -> Desktop.NOTES.equals(demo.demo().stackingOrder().getLast()),
                        TestServers.WAIT, "Notes to be raised by the click");
                assertThat(demo.demo().awaitIdle(TestServers.WAIT)).isTrue();
                assertThat(demo.demo().windowFrame(Desktop.LOG)).isEqualTo(
                        new Rect(log.x() + 200, log.y() + 150, log.width(), log.height()));
                assertThat(demo.demo().stackingOrder().getLast()).isEqualTo(Desktop.NOTES);

                Surface expected = source.applied();
                Surface after = TestServers.assertConverges(client, () -> expected, "after the drag");
                assertSamePixels(after, serverSnapshot(server), "after the drag, client vs. server.snapshot()");
                int[] shadow = demo.demo().screenSnapshot();
                int differ = 0;
                for (int i = 0; i < shadow.length; i++) {
                    differ += after.pixels()[i] != shadow[i] ? 1 : 0;
                }
                assertThat(differ).as("client pixels differing from the demo's own picture").isZero();
            }
        }
    }
}
