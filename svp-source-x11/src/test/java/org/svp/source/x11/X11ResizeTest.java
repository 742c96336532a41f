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
 * A screen size change (xrandr) reaches the client as SCREEN_RESIZE and the new screen. Runs on
 * TigerVNC's Xvnc: this Xvfb (21.1) offers RandR but only its start-up size.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class X11ResizeTest {
    private X11Fixture fx;

    @BeforeAll
    void startX() {
        X11Fixture.require("xrandr", "x11-xserver-utils");
        fx = X11Fixture.xvnc(1024, 768);
    }

    @AfterAll
    void stopX() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void xrandrResizeReachesTheClient() throws Exception {
        fx.startXterm();
        fx.serve(true);
        assertThat(fx.client.screen().snapshot().width()).isEqualTo(1024);
        fx.tool("xrandr", "-s", "800x600");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fx.client.screen().snapshot().width() != 800 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
        Surface s = fx.client.screen().snapshot();
        assertThat(s.width()).isEqualTo(800);
        assertThat(s.height()).isEqualTo(600);
        XwdImage xwd = fx.xwd();
        assertThat(xwd.width()).isEqualTo(800);
        assertThat(Arrays.equals(s.pixels(), xwd.rgb())).as("client screen equals xwd -root after the resize").isTrue();
    }
}
