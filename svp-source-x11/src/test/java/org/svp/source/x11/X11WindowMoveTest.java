package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.svp.render.Surface;

/**
 * Window moves become SCREEN_BLTs: an xterm on a bare Xvfb (no window manager, so {@code xdotool
 * windowmove} moves the xterm itself, a child of the root window) is moved in 40 px steps, some slowly
 * (one move per capture) and some in quick bursts (several moves between two captures).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class X11WindowMoveTest {
    private static final int START_X = 20;
    private static final int START_Y = 20;
    private static final int STEP = 40;
    private static final int STEPS = 10;

    private X11Fixture fx;
    private String xterm;

    @BeforeAll
    void startX() throws Exception {
        fx = X11Fixture.xvfb(1024, 768);
        fx.startXterm();
        xterm = fx.tool("xdotool", "search", "--onlyvisible", "--class", "xterm").lines().findFirst().orElseThrow();
        // some text, so the moved window is not one colour
        fx.tool("xdotool", "mousemove", "100", "100", "type", "ls -l /usr/bin | head -20\n");
    }

    @AfterAll
    void stopX() {
        if (fx != null) {
            fx.close();
        }
    }

    /**
     * Move detection saves re-sending the moved window's pixels. Compared in the pixels the source sent
     * as DIRTY_RECTs, not in bytes: the re-sent xterm text is cheap on the wire anyway (TEXTZ's glyph
     * slots), so bytes differ by a few KB either way and moved with the machine's load (CI saw 12.7 KB
     * with detection against 12.0 KB without, where a quiet machine gives 7.7–8.9 KB against 12.0 KB).
     */
    @Test
    void movesBecomeScreenBltsAndSaveResentPixels() throws Exception {
        long[] with = moveRun(true);
        long[] without = moveRun(false);
        System.out.printf("moving an xterm %d times by %d px: with move detection %d SCREEN_BLTs (%d moves), %d bytes"
                + " sent, %d DIRTY_RECT pixels; without %d SCREEN_BLTs, %d bytes sent, %d DIRTY_RECT pixels%n",
                2 * STEPS, STEP, with[0], with[2], with[1], with[3], without[0], without[1], without[3]);
        assertThat(with[0]).as("SCREEN_BLTs with move detection").isPositive();
        assertThat(with[2]).as("window moves with move detection").isPositive();
        assertThat(without[2]).as("window moves without move detection").isZero();
        assertThat(with[3]).as("DIRTY_RECT pixels with move detection vs without").isLessThan(without[3]);
    }

    /**
     * A window dragged under another one: its copies leave out what covers it, so the covering window
     * is not overwritten on the client and sent again as pixels at every move (which cost about the
     * covered part of the window per move before the copies knew the stacking order).
     */
    @Test
    void aWindowMovedUnderAnotherDoesNotResendTheOther() throws Exception {
        fx.tool("xdotool", "windowmove", "--sync", xterm, "0", "100");
        String top = fx.startXterm("cover", "40x40+200+0"); // on top, over the xterm's right part
        try {
            fx.tool("xdotool", "mousemove", "300", "100", "type", "ls -l /usr/bin | head -30\n");
            fx.serve(X11Options.of(fx.x.displayName()));
            try {
                fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                X11Stats s = fx.source.stats();
                long moves0 = s.windowMoves.sum();
                long pixels0 = s.dirtyPixels.sum();
                for (int i = 1; i <= STEPS; i++) {
                    fx.tool("xdotool", "windowmove", xterm, Integer.toString(4 * i), Integer.toString(100 + 8 * i));
                    Thread.sleep(60);
                }
                Thread.sleep(300);
                fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                assertSameAsXServer();
                long moves = s.windowMoves.sum() - moves0;
                long pixels = s.dirtyPixels.sum() - pixels0;
                String[] geometry = fx.tool("xdotool", "getwindowgeometry", top).lines().filter(l -> l.contains("Geometry"))
                        .findFirst().orElseThrow().replaceAll(".*Geometry: ", "").trim().split("x");
                long cover = Long.parseLong(geometry[0]) * Long.parseLong(geometry[1]);
                System.out.printf("moving an xterm %d times under another (%d px): %d moves, %d DIRTY_RECT pixels%n",
                        STEPS, cover, moves, pixels);
                assertThat(moves).as("window moves").isPositive();
                // the strips the moves uncover, and text the xterm redraws: far less than one covering window
                // per move (the whole-window copy sent 846 K pixels here, the largest visible piece alone 190 K,
                // the visible pieces 36 K)
                assertThat(pixels).as("DIRTY_RECT pixels").isLessThan(cover * STEPS / 8);
            } finally {
                fx.stopServing();
            }
        } finally {
            fx.tool("xdotool", "windowkill", top);
        }
    }

    /** @return {SCREEN_BLTs, bytes sent, window moves, DIRTY_RECT pixels} while the xterm moves; asserts the end picture */
    private long[] moveRun(boolean detect) throws Exception {
        fx.tool("xdotool", "windowmove", "--sync", xterm, Integer.toString(START_X), Integer.toString(START_Y));
        fx.serve(X11Options.of(fx.x.displayName()).withMoveDetection(detect));
        try {
            fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
            X11Stats s = fx.source.stats();
            long blts0 = s.screenBlts.sum();
            long moves0 = s.windowMoves.sum();
            long bytes0 = fx.server.stats().bytesSent.sum();
            long pixels0 = s.dirtyPixels.sum();
            int x = START_X;
            int y = START_Y;
            for (int i = 0; i < STEPS; i++) { // slowly: about one move per capture
                x += STEP;
                y += i % 2 == 0 ? STEP : 0;
                fx.tool("xdotool", "windowmove", xterm, Integer.toString(x), Integer.toString(y));
                Thread.sleep(60);
            }
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < STEPS; i++) { // a burst: several moves between two captures, one xdotool run
                y += STEP / 2;
                x -= STEP;
                burst.append("windowmove ").append(xterm).append(' ').append(x).append(' ').append(y).append(' ');
            }
            fx.tool("sh", "-c", "xdotool " + burst);
            Thread.sleep(300);
            fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
            assertSameAsXServer();
            return new long[] {s.screenBlts.sum() - blts0, fx.server.stats().bytesSent.sum() - bytes0,
                    s.windowMoves.sum() - moves0, s.dirtyPixels.sum() - pixels0};
        } finally {
            fx.stopServing();
        }
    }

    private void assertSameAsXServer() throws Exception {
        int diff = -1;
        for (int attempt = 0; attempt < 10; attempt++) {
            XwdImage xwd = fx.xwd();
            Surface s = fx.client.screen().snapshot();
            assertThat(s.width()).isEqualTo(xwd.width());
            if (Arrays.equals(s.pixels(), xwd.rgb())) {
                return;
            }
            diff = 0;
            for (int i = 0; i < xwd.rgb().length; i++) {
                diff += s.pixels()[i] != xwd.rgb()[i] ? 1 : 0;
            }
            Thread.sleep(300);
            fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
        }
        throw new AssertionError("the client's screen never equalled xwd -root: " + diff + " pixels differ");
    }
}
