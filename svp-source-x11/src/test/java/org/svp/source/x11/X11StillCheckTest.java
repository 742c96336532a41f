package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The capture loop's still check: after a change, a screen that stays still gets exactly one
 * whole-screen read and compare (which finds nothing to fix when the damage-driven captures were
 * right), and an idle screen is not read again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class X11StillCheckTest {
    private X11Fixture fx;

    @BeforeAll
    void startX() throws Exception {
        fx = X11Fixture.xvfb(800, 600);
        fx.startXterm();
        fx.serve(X11Options.of(fx.x.displayName()));
        fx.client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    @AfterAll
    void stopX() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void oneWholeScreenCheckPerStillPeriod() throws Exception {
        X11Stats s = fx.source.stats();
        Thread.sleep(800); // the start-up's own still check
        long checks0 = s.stillChecks.sum();
        long captures0 = s.captures.sum();
        fx.tool("xdotool", "mousemove", "100", "100", "type", "echo still-check\n");
        Thread.sleep(1500); // typing, its captures, then 300 ms of stillness and the check
        long checks1 = s.stillChecks.sum();
        assertThat(s.captures.sum()).as("captures of the typing").isGreaterThan(captures0);
        assertThat(checks1 - checks0).as("still checks after the typing").isBetween(1L, 2L);
        assertThat(s.stillCorrections.sum()).as("pixels the damage-driven captures missed").isZero();
        Thread.sleep(1200); // idle: no further whole-screen reads
        assertThat(s.stillChecks.sum()).as("still checks of an idle screen").isEqualTo(checks1);
    }
}
