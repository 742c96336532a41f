package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;

/**
 * Drives the viewer under Xvfb with xdotool (real X key and button events) and checks what the demo
 * desktop received: set-1 scancodes of the physical keys, pointer positions through the 1:1 mapping,
 * button and wheel bits.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ViewerInputTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static ViewerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ViewerFixture();
        fixture.focus();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @BeforeEach
    void clear() throws Exception {
        fixture.pointerAt(300, 200);
        Thread.sleep(200);
        fixture.source.clear();
    }

    @Test
    void typedTextArrivesAsSet1ScancodesOfThePhysicalKeys() throws Exception {
        fixture.xdotool("type", "--delay", "20", "hi");
        List<KeyboardEvent> keys = awaitKeys(4);
        assertThat(keys).containsExactly(new KeyboardEvent(true, 0x23), new KeyboardEvent(false, 0x23),
                new KeyboardEvent(true, 0x17), new KeyboardEvent(false, 0x17));
        assertThat(fixture.source.demo().awaitIdle(WAIT)).isTrue();
        assertThat(fixture.source.demo().typedText()).endsWith("hi");
    }

    @Test
    void extendedKeysArriveWithTheE0Prefix() throws Exception {
        fixture.xdotool("key", "--delay", "20", "Up", "KP_Enter", "Home", "Delete", "Super_L");
        assertThat(awaitKeys(10)).containsExactly(
                new KeyboardEvent(true, 0xE048), new KeyboardEvent(false, 0xE048),
                new KeyboardEvent(true, 0xE01C), new KeyboardEvent(false, 0xE01C),
                new KeyboardEvent(true, 0xE047), new KeyboardEvent(false, 0xE047),
                new KeyboardEvent(true, 0xE053), new KeyboardEvent(false, 0xE053),
                new KeyboardEvent(true, 0xE05B), new KeyboardEvent(false, 0xE05B));
    }

    @Test
    void pointerPositionButtonsAndWheelArriveMappedThroughTheScale() throws Exception {
        fixture.pointerAt(100, 50);
        awaitMouse(e -> e.equals(new MouseEvent(100, 50, 0)));
        fixture.source.clear();
        fixture.xdotool("click", "1");
        awaitMouse(e -> e.equals(new MouseEvent(100, 50, 0)));
        assertThat(mice()).containsExactly(new MouseEvent(100, 50, MouseButtons.LEFT), new MouseEvent(100, 50, 0));
        fixture.source.clear();
        fixture.xdotool("click", "3");
        awaitMouse(e -> e.equals(new MouseEvent(100, 50, 0)));
        assertThat(mice()).containsExactly(new MouseEvent(100, 50, MouseButtons.RIGHT), new MouseEvent(100, 50, 0));
        fixture.source.clear();
        fixture.xdotool("click", "4");
        awaitMouse(e -> e.equals(new MouseEvent(100, 50, 0)));
        assertThat(mice()).containsExactly(new MouseEvent(100, 50, MouseButtons.WHEEL_UP), new MouseEvent(100, 50, 0));
        fixture.source.clear();
        fixture.xdotool("click", "5");
        awaitMouse(e -> e.equals(new MouseEvent(100, 50, 0)));
        assertThat(mice()).containsExactly(new MouseEvent(100, 50, MouseButtons.WHEEL_DOWN), new MouseEvent(100, 50, 0));
        fixture.pointerAt(ViewerFixture.WIDTH - 1, ViewerFixture.HEIGHT - 1);
        awaitMouse(e -> e.x() == ViewerFixture.WIDTH - 1 && e.y() == ViewerFixture.HEIGHT - 1);
    }

    private static List<MouseEvent> mice() {
        return fixture.source.events().stream().filter(MouseEvent.class::isInstance).map(MouseEvent.class::cast).toList();
    }

    private static List<KeyboardEvent> keys() {
        return fixture.source.events().stream().filter(KeyboardEvent.class::isInstance).map(KeyboardEvent.class::cast)
                .toList();
    }

    private static List<KeyboardEvent> awaitKeys(int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (keys().size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(200); // nothing extra may follow
        return keys();
    }

    private static void awaitMouse(Predicate<MouseEvent> p) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<Message> events = fixture.source.events();
            if (!events.isEmpty() && events.getLast() instanceof MouseEvent m && p.test(m)) {
                Thread.sleep(100);
                return;
            }
            Thread.sleep(20);
        }
        assertThat(fixture.source.events()).as("mouse events (viewer output:%n%s)", fixture.viewerOutput())
                .anyMatch(m -> m instanceof MouseEvent e && p.test(e));
    }
}
