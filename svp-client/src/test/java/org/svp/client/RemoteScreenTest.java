package org.svp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.render.Surface;

/**
 * What {@code svp snapshot} relies on: no picture before the whole screen has been drawn (a joining
 * client gets SCREEN_RESIZE, then the screen in bands), and a bounded wait for stillness on a screen
 * that never stops changing.
 */
@Timeout(20)
class RemoteScreenTest {
    private static final int GREEN = 0x00C000;
    private final RemoteScreen screen = new RemoteScreen();
    private Thread drawer;

    @AfterEach
    void stopDrawer() throws InterruptedException {
        if (drawer != null) {
            drawer.interrupt();
            drawer.join(5000);
        }
    }

    /** Draws the bottom half after a pause, as the second band of a first picture arrives. */
    private void drawBottomHalfAfter(long millis) {
        drawer = Thread.ofPlatform().name("test-drawer").start(() -> {
            try {
                Thread.sleep(millis);
                screen.apply(new SolidRect(new Rect(0, 50, 200, 50), GREEN));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Test
    void firstScreenWaitsUntilEveryPixelIsDrawn() throws Exception {
        screen.apply(new ScreenResize(200, 100));
        screen.apply(new SolidRect(new Rect(0, 0, 200, 50), GREEN));
        drawBottomHalfAfter(300);
        long t0 = System.nanoTime();
        screen.awaitFirstScreen(Duration.ofSeconds(10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("returned once the bottom half arrived, before the quiet fallback").isBetween(250L, 950L);
        assertThat(blackPixels(screen.snapshot())).isZero();
    }

    @Test
    void aShortStillTimeNoLongerGivesABlackPicture() throws Exception {
        // was: awaitStill(10 ms) returned right after SCREEN_RESIZE and the PNG was all black
        screen.apply(new ScreenResize(200, 100));
        screen.apply(new SolidRect(new Rect(0, 0, 200, 50), GREEN));
        drawBottomHalfAfter(200);
        screen.awaitStill(Duration.ofMillis(10), Duration.ofSeconds(10));
        assertThat(blackPixels(screen.snapshot())).isZero();
    }

    @Test
    void aScreenWithUndrawnPartsCountsAsFirstPictureAfterAQuietSecond() throws Exception {
        // the X11 source never sends parts that are black: they stay undrawn on the client
        screen.apply(new ScreenResize(200, 100));
        screen.apply(new SolidRect(new Rect(0, 0, 200, 50), GREEN));
        long t0 = System.nanoTime();
        screen.awaitFirstScreen(Duration.ofSeconds(10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(RemoteScreen.FIRST_SCREEN_QUIET.toMillis() - 50, 4000L);
        assertThat(blackPixels(screen.snapshot())).isEqualTo(200 * 50);
    }

    @Test
    void noScreenAtAllTimesOutWithAMessage() {
        assertThatThrownBy(() -> screen.awaitFirstScreen(Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class).hasMessage("no screen received within 0 s");
    }

    @Test
    void settleGivesUpAtTheBoundOnAScreenThatKeepsChanging() throws Exception {
        screen.apply(new ScreenResize(200, 100));
        screen.apply(new SolidRect(new Rect(0, 0, 200, 100), GREEN));
        drawer = Thread.ofPlatform().name("test-animator").start(() -> {
            for (int i = 0; i < 500 && !Thread.currentThread().isInterrupted(); i++) { // at most ~10 s
                screen.apply(new SolidRect(new Rect(i % 200, 0, 1, 1), 0x000080 + i));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        screen.awaitFirstScreen(Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        boolean still = screen.settle(Duration.ofMillis(300), Duration.ofMillis(700));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(still).isFalse();
        assertThat(ms).isBetween(650L, 3000L);
    }

    @Test
    void settleReturnsOnceTheScreenIsStill() throws Exception {
        screen.apply(new ScreenResize(200, 100));
        screen.apply(new SolidRect(new Rect(0, 0, 200, 100), GREEN));
        screen.awaitFirstScreen(Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        assertThat(screen.settle(Duration.ofMillis(200), Duration.ofSeconds(5))).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000L);
    }

    @Test
    void aClosedChannelEndsTheWaitWithAMessage() {
        screen.apply(new ScreenResize(200, 100));
        screen.close();
        assertThatThrownBy(() -> screen.awaitFirstScreen(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessage("the server closed the display channel");
    }

    private static int blackPixels(Surface s) {
        int n = 0;
        for (int p : s.pixels()) {
            if ((p & 0xFFFFFF) == 0) {
                n++;
            }
        }
        return n;
    }
}
