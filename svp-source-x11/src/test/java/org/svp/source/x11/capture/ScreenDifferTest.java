package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

class ScreenDifferTest {
    private static final int W = 200;
    private static final int H = 160;

    /** Text-like rows: every pixel row distinct. */
    private static int pixel(int x, int row) {
        return ((row * 7919 + x * 31) ^ (row << 9)) & 0xFFFFFF;
    }

    private static List<DisplayMessage> frame(ScreenDiffer d, int scroll, Rect damage) {
        int[] px = d.latest();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                px[y * W + x] = pixel(x, y + scroll);
            }
        }
        d.tiles().mark(damage);
        return d.diff(List.of(damage));
    }

    @Test
    void verticalScrollIsOneScreenBltPlusTheNewStrip() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect all = new Rect(0, 0, W, H);
        frame(d, 0, all).forEach(r::apply);
        List<DisplayMessage> orders = frame(d, 13, all);
        orders.forEach(r::apply);
        assertThat(orders.getFirst()).isEqualTo(new ScreenBlt(new Rect(0, 0, W, H - 13), 0, 13, 0xCC));
        assertThat(orders).hasSize(1 + (W + 63) / 64); // one strip per tile column of the bottom row
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    @Test
    void withoutDetectionScrollingIsResent() {
        ScreenDiffer d = new ScreenDiffer(W, H, false);
        Rect all = new Rect(0, 0, W, H);
        frame(d, 0, all);
        assertThat(frame(d, 13, all)).noneMatch(m -> m instanceof ScreenBlt).allMatch(m -> m instanceof DirtyRect);
    }

    @Test
    void unchangedTilesAreSkippedAndSolidAreasAreSolidRects() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        d.tiles().markAll();
        assertThat(d.diff(List.of())).isEmpty(); // black on black: nothing to send after SCREEN_RESIZE
        java.util.Arrays.fill(d.latest(), 0x336699);
        d.tiles().mark(new Rect(10, 10, 5, 5));
        assertThat(d.diff(List.of(new Rect(10, 10, 5, 5))))
                .containsExactly(new SolidRect(new Rect(0, 0, 64, 64), 0x336699));
    }

    @Test
    void horizontalScrollIsDetected() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        int[] px = d.latest();
        for (int i = 0; i < px.length; i++) {
            px[i] = pixel(i / H, i % H); // columns distinct
        }
        Rect all = new Rect(0, 0, W, H);
        d.tiles().mark(all);
        d.diff(List.of(all));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                px[y * W + x] = x + 20 < W ? pixelAt(y, x + 20) : 0;
            }
        }
        d.tiles().mark(all);
        assertThat(d.diff(List.of(all)).getFirst()).isEqualTo(new ScreenBlt(new Rect(0, 0, W - 20, H), 20, 0, 0xCC));
    }

    private static int pixelAt(int y, int x) {
        int i = y * W + x;
        return pixel(i / H, i % H);
    }
}
