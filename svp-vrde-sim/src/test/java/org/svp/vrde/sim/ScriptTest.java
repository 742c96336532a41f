package org.svp.vrde.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.svp.vrde.sim.guest.GuestScreen;
import org.svp.vrde.sim.script.Script;
import org.svp.vrde.sim.script.ScriptException;
import org.svp.vrde.sim.script.ScriptRunner;

/** The script format: the demo runs, bad lines are named, drawing reaches the framebuffer. */
class ScriptTest {
    @Test
    void demoChecksAndUsesEveryOrderCommand() {
        Script demo = Script.demo();
        ScriptRunner.check(demo);
        Set<String> verbs = new HashSet<>();
        demo.lines().forEach(l -> verbs.add(l.verb()));
        assertThat(verbs).contains("solidrect", "solidblt", "dstblt", "screenblt", "patblt", "memblt", "cache", "uncache",
                "dirtyrect", "line", "clip", "polyline", "ellipse", "save", "restore", "text", "bitmap", "pointer", "flood");
    }

    @Test
    void badLineNamesScriptAndLine() {
        Script s = Script.parse("t.vrdesim", "resize 64 64 32\n\nsolidrect 0 0 10\n");
        assertThatThrownBy(() -> ScriptRunner.check(s)).isInstanceOf(ScriptException.class)
                .hasMessageContaining("t.vrdesim:3: solidrect: takes 5 arguments");
    }

    @Test
    void unknownBitmapIsRefused() {
        Script s = Script.parse("t", "memblt 0 0 4 4 nope 0 0 SRCCOPY");
        assertThatThrownBy(() -> ScriptRunner.check(s)).hasMessageContaining("no bitmap 'nope'");
    }

    @Test
    void drawingLandsInTheFramebufferAtEachDepth() {
        for (int bpp : new int[] {32, 24, 16, 8}) {
            try (GuestScreen g = new GuestScreen(null, 32, 16, bpp)) {
                new ScriptRunner(g, null, null).run(Script.parse("t",
                        "solidrect 0 0 32 16 000000\nsolidrect 4 4 8 8 FF8040\nclip 20 0 4 16 26 0 4 16\nsolidrect 16 0 16 16 FFFFFF"));
                var e = g.expected();
                int tol = org.svp.vrde.sim.guest.GuestPixels.tolerance(bpp);
                int got = e.get(5, 5);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertThat(Math.abs(((got >> shift) & 0xFF) - ((0xFF8040 >> shift) & 0xFF)))
                            .as("bpp %d channel %d of %06x", bpp, shift, got).isLessThanOrEqualTo(tol);
                }
                assertThat(e.get(0, 0)).isZero();
                assertThat(e.get(21, 3)).as("inside the first clip rect").isEqualTo(0xFFFFFF);
                assertThat(e.get(25, 3)).as("between the clip rects").isZero();
                assertThat(e.get(27, 3)).as("inside the second clip rect").isEqualTo(0xFFFFFF);
            }
        }
    }
}
