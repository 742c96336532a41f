package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import org.svp.render.Surface;

/** The X11 source against a real Xvfb with an xterm: pixels, typing, scrolling, cursor shapes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class X11DisplaySourceTest {
    /** The xterm's middle and a point on the bare root window. */
    private static final int XTERM_X = 200;
    private static final int XTERM_Y = 150;
    private static final int ROOT_X = 900;
    private static final int ROOT_Y = 600;

    /**
     * A long listing at terminal speed (about 100 lines a second, like the shared bench workload).
     * {@code seq 1 3000} alone finishes within one or two captures: every capture then shows a fresh
     * screenful with nothing left to copy, so there is no scrolling to detect.
     */
    private static final String LISTING = "for i in $(seq 1 300); do echo line $i; sleep 0.01; done";

    private X11Fixture fx;

    @BeforeAll
    void startX() throws Exception {
        fx = X11Fixture.xvfb(1024, 768);
        fx.startXterm();
    }

    @AfterEach
    void stopServer() {
        fx.stopServing();
    }

    @AfterAll
    void stopX() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void snapshotEqualsTheXServersScreen() throws Exception {
        fx.serve(true);
        String why = "";
        for (int attempt = 0; attempt < 10; attempt++) {
            fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
            XwdImage xwd = fx.xwd();
            Surface s = fx.client.screen().snapshot();
            if (s.width() == xwd.width() && s.height() == xwd.height() && Arrays.equals(s.pixels(), xwd.rgb())) {
                return;
            }
            why = describe(s, xwd);
            Thread.sleep(300);
        }
        throw new AssertionError("the client's screen never equalled xwd -root: " + why);
    }

    private static String describe(Surface s, XwdImage xwd) {
        if (s.width() != xwd.width() || s.height() != xwd.height()) {
            return "size " + s.width() + "x" + s.height() + " vs " + xwd.width() + "x" + xwd.height();
        }
        int diff = 0;
        int first = -1;
        for (int i = 0; i < xwd.rgb().length; i++) {
            if (s.pixels()[i] != xwd.rgb()[i]) {
                diff++;
                first = first < 0 ? i : first;
            }
        }
        return diff + " pixels differ, first at (" + first % s.width() + ", " + first / s.width() + ")";
    }

    @Test
    void typedTextReachesTheXterm() throws Exception {
        fx.serve(true);
        Path file = Path.of("/tmp", "svp-x11-typed-" + UUID.randomUUID());
        try {
            fx.client.mouse(XTERM_X, XTERM_Y, 0); // focus follows the pointer without a window manager
            type("echo svp-typed > " + file + "\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(file) && Files.readString(file).equals("svp-typed\n")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(file).exists().hasContent("svp-typed");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void scrollingBecomesScreenBltAndSavesBytes() throws Exception {
        long[] with = scrollRun(true);
        long[] without = scrollRun(false);
        System.out.printf("scrolling a 300-line listing in xterm: with scroll detection %d SCREEN_BLTs, %d bytes sent;"
                + " without %d SCREEN_BLTs, %d bytes sent%n", with[0], with[1], without[0], without[1]);
        assertThat(with[0]).as("SCREEN_BLTs with detection").isPositive();
        assertThat(without[0]).as("SCREEN_BLTs without detection").isZero();
        assertThat(with[1]).as("bytes with detection vs without").isLessThan(without[1]);
    }

    /** @return {SCREEN_BLTs, bytes sent} while xterm scrolls through a long listing */
    private long[] scrollRun(boolean detect) throws Exception {
        fx.serve(detect);
        fx.client.mouse(XTERM_X, XTERM_Y, 0);
        type("clear\n");
        fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
        long blts0 = fx.source.stats().screenBlts.sum();
        long bytes0 = fx.server.stats().bytesSent.sum();
        type(LISTING + "\n");
        Thread.sleep(500);
        fx.client.screen().awaitStill(Duration.ofMillis(800), Duration.ofSeconds(60));
        long[] r = {fx.source.stats().screenBlts.sum() - blts0, fx.server.stats().bytesSent.sum() - bytes0};
        fx.stopServing();
        return r;
    }

    @Test
    void cursorShapesArriveOnTheCursorChannel() throws Exception {
        fx.serve(true);
        Set<String> shapes = new HashSet<>();
        fx.client.onCursorShape(c -> shapes.add(Arrays.toString(c.andMask()) + Arrays.toString(c.color())));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int i = 0;
        while (shapes.size() < 2 && System.nanoTime() < deadline) {
            boolean overXterm = i++ % 2 == 0;
            fx.client.mouse(overXterm ? XTERM_X : ROOT_X, overXterm ? XTERM_Y : ROOT_Y, 0);
            Thread.sleep(300);
        }
        assertThat(shapes).as("distinct cursor shapes seen over the xterm and the root window").hasSizeGreaterThanOrEqualTo(2);
    }

    private void type(String text) throws InterruptedException {
        for (char c : text.toCharArray()) {
            UsKeyboardLayout.Stroke s = UsKeyboardLayout.strokeFor(c).orElseThrow();
            if (s.shift()) {
                fx.client.key(true, UsKeyboardLayout.LEFT_SHIFT);
            }
            fx.client.key(true, s.scancode());
            fx.client.key(false, s.scancode());
            if (s.shift()) {
                fx.client.key(false, UsKeyboardLayout.LEFT_SHIFT);
            }
        }
        fx.client.flushInput();
    }
}
