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
        // the new strip spans every tile of the bottom tile row: one DIRTY_RECT, not one per tile
        assertThat(orders).hasSize(2);
        assertThat(((DirtyRect) orders.get(1)).bitmap().width()).isEqualTo(W);
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    @Test
    void repeatedScrollingUsesTheRememberedRowHashesAndStaysPixelExact() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect band = new Rect(8, 16, 150, 120); // not tile-aligned: the remembered hashes cover these columns only
        frame(d, 0, new Rect(0, 0, W, H)).forEach(r::apply);
        for (int step = 1; step <= 8; step++) {
            int[] px = d.latest();
            for (int y = band.y(); y < band.bottom(); y++) {
                for (int x = band.x(); x < band.right(); x++) {
                    px[y * W + x] = step == 5 ? 0x123456 : pixel(x, y + 5 * step); // step 5: cleared, then back
                }
            }
            d.tiles().mark(band);
            List<DisplayMessage> orders = d.diff(List.of(band));
            orders.forEach(r::apply);
            if (step != 5 && step != 6) {
                assertThat(orders).as("step %d", step).first().isInstanceOf(ScreenBlt.class);
            }
            assertThat(client.pixels()).as("step %d", step).isEqualTo(d.latest());
        }
    }

    @Test
    void anUnchangedDamagedAreaCostsNothingAndALaterScrollThereIsStillFound() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect band = new Rect(8, 16, 150, 120);
        frame(d, 0, new Rect(0, 0, W, H)).forEach(r::apply);
        assertThat(frame(d, 0, band)).isEmpty(); // redrawn with the same pixels
        int[] px = d.latest();
        for (int y = band.y(); y < band.bottom(); y++) {
            for (int x = band.x(); x < band.right(); x++) {
                px[y * W + x] = pixel(x, y + 7);
            }
        }
        d.tiles().mark(band);
        List<DisplayMessage> orders = d.diff(List.of(band));
        orders.forEach(r::apply);
        assertThat(orders.getFirst()).isEqualTo(new ScreenBlt(new Rect(8, 16, 150, 113), 8, 23, 0xCC));
        assertThat(client.pixels()).isEqualTo(d.latest());
        // only the band's bottom row changed below an unchanged top: found all the same
        for (int x = band.x(); x < band.right(); x++) {
            px[(band.bottom() - 1) * W + x] = 0x00FF00;
        }
        d.tiles().mark(band);
        orders = d.diff(List.of(band));
        orders.forEach(r::apply);
        // one for the whole row: the three tiles' boxes have one colour and the same rows
        assertThat(orders).containsExactly(new SolidRect(new Rect(band.x(), band.bottom() - 1, band.width(), 1), 0x00FF00));
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    /**
     * A DIRTY_RECT's pixels as ints (which the server's encoders take instead of decoding its bitmap)
     * are exactly its bitmap decoded: the X byte (RENDER may leave 0xFF) cleared in both.
     */
    @Test
    void dirtyRectPixelsAsIntsAreItsBitmapDecoded() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        frame(d, 0, new Rect(0, 0, W, H));
        int[] px = d.latest();
        for (int y = 40; y < 60; y++) {
            for (int x = 10; x < 150; x++) {
                px[y * W + x] = 0xFF000000 | (x * 7919 + y * 104729) & 0xFFFFFF;
            }
        }
        d.tiles().mark(new Rect(10, 40, 140, 20));
        List<DisplayMessage> orders = d.diff(List.of(new Rect(10, 40, 140, 20)));
        assertThat(orders).isNotEmpty().allMatch(m -> m instanceof DirtyRect);
        for (DisplayMessage m : orders) {
            var b = ((DirtyRect) m).bitmap();
            int[] ints = d.pixelsOf(m);
            assertThat(ints).isEqualTo(new org.svp.codec.BitmapDecoder().decode(b, m.command().wireId()));
            assertThat(java.util.Arrays.stream(ints).allMatch(p -> (p >>> 24) == 0)).isTrue();
        }
        assertThat(d.pixelsOf(new SolidRect(new Rect(0, 0, 1, 1), 0))).isNull();
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
        // only the damage is compared (X's damage is exact), not the rest of its tile
        assertThat(d.diff(List.of(new Rect(10, 10, 5, 5))))
                .containsExactly(new SolidRect(new Rect(10, 10, 5, 5), 0x336699));
    }

    /** @return a differ (no scroll detection) whose clients show the whole black first screen */
    private static ScreenDiffer blackScreen() {
        ScreenDiffer d = new ScreenDiffer(W, H, false);
        d.tiles().markAll();
        d.diff(List.of());
        return d;
    }

    @Test
    void neighbouringTilesJoinOnlyWhenLittleUnchangedAreaIsAdded() {
        ScreenDiffer d = blackScreen();
        int[] px = d.latest();
        // tiles 0 and 1 of the top tile row: changes in the same rows join; tile 2: a change far below
        // tile 1's does not join it (the union would be mostly unchanged pixels); a solid box stays solid
        for (int x = 10; x < 120; x++) {
            px[5 * W + x] = pixel(x, 5);
            px[6 * W + x] = pixel(x, 6);
        }
        px[60 * W + 150] = 0x123456;
        px[61 * W + 151] = 0x654321;
        for (int y = 100; y < 110; y++) {
            for (int x = 20; x < 30; x++) {
                px[y * W + x] = 0x00FF00;
            }
        }
        d.tiles().markAll();
        List<DisplayMessage> orders = d.diff(List.of());
        assertThat(orders).filteredOn(m -> m instanceof DirtyRect)
                .extracting(m -> ((DirtyRect) m).bitmap())
                .extracting(b -> new Rect(b.x(), b.y(), b.width(), b.height()))
                .containsExactly(new Rect(10, 5, 110, 2), new Rect(150, 60, 2, 2));
        assertThat(orders).contains(new SolidRect(new Rect(20, 100, 10, 10), 0x00FF00));
        Surface client = new Surface(W, H);
        orders.forEach(new OrderRenderer(client)::apply);
        assertThat(client.pixels()).isEqualTo(px);
    }

    /**
     * Two neighbouring tiles' changed boxes join into one DIRTY_RECT, which also carries the pixels
     * between them: read, but not compared (outside both tiles' damage). X may have drawn there after
     * the damage was taken and before the read (its damage comes with the next capture); the client
     * then gets that pixel, so the shown frame must get it too. Before, it kept its old value: when X
     * put the old value back, the next capture compared it equal and the client kept the transient
     * pixel for good, the still check included (a glyph's descender missing in bench x11's final frame).
     */
    @Test
    void pixelsAJoinedRectCarriesBeyondTheChangesAreWhatTheShownFrameKeeps() {
        ScreenDiffer d = blackScreen();
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        int[] px = d.latest();
        // capture 1: damage in tiles 0 (x 30..59) and 1 (x 66..89) of row 5; X drew (62, 5), between
        // them, after the damage was taken
        for (int x = 30; x < 60; x++) {
            px[5 * W + x] = pixel(x, 5);
        }
        for (int x = 66; x < 90; x++) {
            px[5 * W + x] = pixel(x, 5);
        }
        px[5 * W + 62] = 0xFFFFFF;
        List<Rect> damage = List.of(new Rect(30, 5, 30, 1), new Rect(66, 5, 24, 1));
        damage.forEach(d.tiles()::mark);
        List<DisplayMessage> first = d.diff(damage);
        assertThat(first).hasSize(1); // one joined DIRTY_RECT, (62, 5) inside
        first.forEach(r::apply);
        // capture 2: X's damage for (62, 5), which it has drawn back to black meanwhile
        px[5 * W + 62] = 0;
        d.tiles().mark(new Rect(62, 5, 1, 1));
        d.diff(List.of(new Rect(62, 5, 1, 1))).forEach(r::apply);
        // and the still check: the whole screen compared
        d.tiles().markAll();
        d.diff(List.of()).forEach(r::apply);
        assertThat(client.pixels()[5 * W + 62]).as("the client's (62, 5)").isZero();
        assertThat(client.pixels()).isEqualTo(px);
    }

    @Test
    void theChangedBoxReachesTheRightmostChangeOfAnyRow() {
        ScreenDiffer d = blackScreen();
        int[] px = d.latest();
        px[10 * W + 3] = 0x010101;
        px[12 * W + 60] = 0x020202; // right of the box so far: widens it
        px[12 * W + 5] = 0x030303;
        px[20 * W + 30] = 0x040404; // inside the box's columns: only extends it down
        px[21 * W + 63] = 0x050505; // the tile's last column, and 65 columns left of it nothing
        px[21 * W + 62] = 0x050505;
        d.tiles().mark(new Rect(0, 0, 64, 64));
        List<DisplayMessage> orders = d.diff(List.of(new Rect(0, 0, 64, 64)));
        assertThat(orders).hasSize(1);
        var b = ((DirtyRect) orders.getFirst()).bitmap();
        assertThat(new Rect(b.x(), b.y(), b.width(), b.height())).isEqualTo(new Rect(3, 10, 61, 12));
    }

    @Test
    void pixelsDifferingOnlyInTheUnusedTopByteAreSentMasked() {
        ScreenDiffer d = blackScreen();
        int[] px = d.latest();
        px[3 * W + 3] = 0xFF000000 | 0x102030; // RENDER may leave 0xFF in the top byte of a depth-24 pixel
        px[3 * W + 4] = 0x405060;
        d.tiles().mark(new Rect(3, 3, 2, 1));
        List<DisplayMessage> orders = d.diff(List.of(new Rect(3, 3, 2, 1)));
        assertThat(orders).hasSize(1);
        byte[] data = ((DirtyRect) orders.getFirst()).bitmap().data();
        assertThat(data).containsExactly(0x30, 0x20, 0x10, 0, 0x60, 0x50, 0x40, 0);
        px[3 * W + 4] = 0xFF000000 | 0x102030;
        px[3 * W + 3] = 0x102030;
        d.tiles().mark(new Rect(3, 3, 2, 1));
        assertThat(d.diff(List.of(new Rect(3, 3, 2, 1))))
                .containsExactly(new SolidRect(new Rect(3, 3, 2, 1), 0x102030));
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

    /** Draws a W/4 × H/4 "window" of distinct pixels at (wx, wy) on a grey background into latest. */
    private static void window(ScreenDiffer d, int wx, int wy) {
        int[] px = d.latest();
        java.util.Arrays.fill(px, 0x808080);
        for (int y = 0; y < H / 4; y++) {
            for (int x = 0; x < W / 4; x++) {
                if (wx + x >= 0 && wx + x < W && wy + y >= 0 && wy + y < H) {
                    px[(wy + y) * W + wx + x] = pixel(x, y);
                }
            }
        }
    }

    @Test
    void windowMovesAreScreenBltsAppliedInOrderAndTheDiffFixesTheRest() {
        ScreenDiffer d = new ScreenDiffer(W, H, false);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect all = new Rect(0, 0, W, H);
        window(d, 10, 10);
        d.tiles().mark(all);
        d.diff(List.of(all)).forEach(r::apply);
        Rect win = new Rect(10, 10, W / 4, H / 4);
        // two moves between captures, the second one partly off screen (clipped consistently)
        assertThat(d.queueMove(new WindowMove(win, 60, 30))).hasSize(1);
        assertThat(d.queueMove(new WindowMove(new Rect(60, 30, W / 4, H / 4), W - 30, 40)))
                .containsExactly(new ScreenBlt(new Rect(W - 30, 40, 30, H / 4), 60, 30, 0xCC));
        window(d, W - 30, 40);
        d.tiles().mark(win); // what DAMAGE reports: the uncovered old places
        d.tiles().mark(new Rect(60, 30, W / 4, H / 4));
        List<DisplayMessage> orders = d.diff(List.of(win, new Rect(60, 30, W / 4, H / 4), new Rect(W - 30, 40, 30, H / 4)));
        orders.forEach(r::apply);
        assertThat(orders.subList(0, 2)).allMatch(m -> m instanceof ScreenBlt);
        assertThat(client.pixels()).isEqualTo(d.latest());
        // the moved window's pixels came by SCREEN_BLT: nothing re-sent inside its new rectangle
        Rect moved = new Rect(W - 30, 40, 30, H / 4);
        assertThat(orders).filteredOn(m -> m instanceof DirtyRect)
                .noneMatch(m -> ((DirtyRect) m).bitmap().x() >= moved.x() && ((DirtyRect) m).bitmap().y() >= moved.y()
                        && ((DirtyRect) m).bitmap().x() + ((DirtyRect) m).bitmap().width() <= moved.right()
                        && ((DirtyRect) m).bitmap().y() + ((DirtyRect) m).bitmap().height() <= moved.bottom());
    }

    /**
     * A window that moved and scrolled its content between two captures: where it went is not searched
     * for scrolling (its pixels are sent instead), the picture stays exact, and a scroll in the same
     * place at the next capture, with no move, is found again.
     */
    @Test
    void aMovedWindowIsNotSearchedForScrollingButTheNextScrollIsFound() {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect all = new Rect(0, 0, W, H);
        Rect win = new Rect(10, 10, 120, 100);
        drawWindow(d, win, 0);
        d.tiles().mark(all);
        d.diff(List.of(all)).forEach(r::apply);
        Rect there = new Rect(50, 40, 120, 100);
        d.queueMove(new WindowMove(win, there.x(), there.y()));
        drawWindow(d, there, 9); // moved, and its content scrolled by 9 rows
        d.tiles().mark(win);
        List<DisplayMessage> orders = d.diff(List.of(win.union(there)));
        orders.forEach(r::apply);
        assertThat(orders).filteredOn(m -> m instanceof ScreenBlt).hasSize(1); // the move only
        assertThat(client.pixels()).isEqualTo(d.latest());
        drawWindow(d, there, 20); // scrolled again, not moved
        d.tiles().mark(there);
        orders = d.diff(List.of(there));
        orders.forEach(r::apply);
        assertThat(orders.getFirst()).isEqualTo(new ScreenBlt(new Rect(there.x(), there.y(), there.width(), 89),
                there.x(), there.y() + 11, 0xCC));
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    /** Grey background, and in {@code w} rows of distinct pixels starting at content row {@code scroll}. */
    private static void drawWindow(ScreenDiffer d, Rect w, int scroll) {
        int[] px = d.latest();
        java.util.Arrays.fill(px, 0x808080);
        for (int y = w.y(); y < w.bottom(); y++) {
            for (int x = w.x(); x < w.right(); x++) {
                px[y * W + x] = pixel(x - w.x(), y - w.y() + scroll);
            }
        }
    }

    @Test
    void aWrongMoveGuessOnlyCostsBytes() {
        ScreenDiffer d = new ScreenDiffer(W, H, false);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        Rect all = new Rect(0, 0, W, H);
        window(d, 10, 10);
        d.tiles().mark(all);
        d.diff(List.of(all)).forEach(r::apply);
        d.queueMove(new WindowMove(new Rect(10, 10, W / 4, H / 4), 100, 90)); // but the screen did not change
        d.diff(List.of()).forEach(r::apply);
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    @Test
    void aMoveEntirelyOffScreenIsNoBlit() {
        assertThat(new WindowMove(new Rect(10, 10, 50, 50), W + 5, 10).blit(W, H)).isNull();
        assertThat(new WindowMove(new Rect(-80, 10, 50, 50), 10, 10).blit(W, H)).isNull();
        assertThat(new WindowMove(new Rect(-20, -10, 50, 50), 30, 40).blit(W, H))
                .isEqualTo(new ScreenBlt(new Rect(50, 50, 30, 40), 0, 0, 0xCC)); // on-screen part, both ends clipped
    }

    @Test
    void randomScrollsEditsAndBlankLinesInTwoBandsStayPixelExact() {
        java.util.Random rnd = new java.util.Random(42);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        ScreenDiffer d = shownTo(r);
        Rect[] bands = {new Rect(5, 3, 90, 150), new Rect(95, 20, 100, 130)}; // disjoint, not tile-aligned
        int[][] content = new int[bands.length][];
        for (int b = 0; b < bands.length; b++) {
            content[b] = new int[4000]; // a long "scroll-back": line k's colour seed
            for (int k = 0; k < content[b].length; k++) {
                content[b][k] = rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(1 << 20); // -1: a blank line
            }
        }
        int[] top = {0, 0};
        int blts = 0;
        for (int step = 0; step < 200; step++) {
            int[] px = d.latest();
            List<Rect> damage = new java.util.ArrayList<>();
            for (int b = 0; b < bands.length; b++) {
                if (rnd.nextInt(4) == 0) {
                    continue;
                }
                Rect band = bands[b];
                top[b] = Math.max(0, top[b] + rnd.nextInt(30) - 10);
                for (int y = 0; y < band.height(); y++) {
                    int seed = content[b][top[b] + y];
                    for (int x = 0; x < band.width(); x++) {
                        px[(band.y() + y) * W + band.x() + x] = seed < 0 ? 0x101010 : pixel(x, seed);
                    }
                }
                for (int k = rnd.nextInt(4); k > 0; k--) { // a few stray edits
                    px[(band.y() + rnd.nextInt(band.height())) * W + band.x() + rnd.nextInt(band.width())] = rnd.nextInt(1 << 24);
                }
                d.tiles().mark(band);
                damage.add(band);
            }
            List<DisplayMessage> orders = d.diff(damage);
            orders.forEach(r::apply);
            blts += (int) orders.stream().filter(m -> m instanceof ScreenBlt).count();
            assertThat(java.util.Arrays.mismatch(client.pixels(), d.latest())).as("step %d", step).isEqualTo(-1);
        }
        assertThat(blts).isGreaterThan(200);
    }

    /** A terminal whose damage X reports as two stacked bands of different widths (an L). */
    @Test
    void aTerminalDamagedAsAnLScrollsAsOneAndSendsOnlyItsNewLines() {
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        ScreenDiffer d = shownTo(r);
        List<Rect> l = List.of(new Rect(0, 0, 150, 80), new Rect(0, 80, W, 80));
        for (int step = 1; step <= 4; step++) {
            int[] px = d.latest();
            for (Rect band : l) {
                for (int y = band.y(); y < band.bottom(); y++) {
                    for (int x = band.x(); x < band.right(); x++) {
                        px[y * W + x] = pixel(x, y + 40 * step);
                    }
                }
                d.tiles().mark(band);
            }
            List<DisplayMessage> orders = d.diff(l);
            orders.forEach(r::apply);
            assertThat(orders).as("step %d", step).contains(new ScreenBlt(new Rect(0, 0, 150, 120), 0, 40, 0xCC));
            long dirty = orders.stream().filter(m -> m instanceof DirtyRect)
                    .mapToLong(m -> (long) ((DirtyRect) m).bitmap().width() * ((DirtyRect) m).bitmap().height()).sum();
            // the shared columns' 40 new rows and the wide band's extra 50 columns; before the bands were
            // joined, the upper band's 40 rows that came from the lower band were sent as pixels too
            assertThat(dirty).as("step %d", step).isLessThanOrEqualTo(150L * 40 + 50L * 80);
            assertThat(client.pixels()).as("step %d", step).isEqualTo(d.latest());
        }
    }

    @Test
    void randomScrollsUnderRandomlyBandedDamageStayPixelExact() {
        java.util.Random rnd = new java.util.Random(11);
        Surface client = new Surface(W, H);
        OrderRenderer r = new OrderRenderer(client);
        ScreenDiffer d = shownTo(r);
        int top = 0;
        int blts = 0;
        for (int step = 0; step < 300; step++) {
            top = Math.max(0, top + rnd.nextInt(40) - 8);
            // the damage: stacked bands, each of its own width from the left edge, like X's banded
            // region of a terminal that other windows' damage cuts into an irregular staircase
            List<Rect> damage = new java.util.ArrayList<>();
            int y = rnd.nextInt(20);
            while (y < H) {
                int bh = Math.min(H - y, 5 + rnd.nextInt(60));
                damage.add(new Rect(0, y, 40 + rnd.nextInt(W - 40), bh));
                y += bh + (rnd.nextInt(5) == 0 ? rnd.nextInt(10) : 0);
            }
            int[] px = d.latest();
            for (Rect band : damage) {
                for (int yy = band.y(); yy < band.bottom(); yy++) {
                    for (int x = band.x(); x < band.right(); x++) {
                        px[yy * W + x] = rnd.nextInt(500) == 0 ? rnd.nextInt(1 << 24) : pixel(x, yy + top);
                    }
                }
                d.tiles().mark(band);
            }
            List<DisplayMessage> orders = d.diff(damage);
            orders.forEach(r::apply);
            blts += (int) orders.stream().filter(m -> m instanceof ScreenBlt).count();
            for (Rect band : damage) {
                for (int yy = band.y(); yy < band.bottom(); yy++) {
                    int o = yy * W + band.x();
                    assertThat(java.util.Arrays.mismatch(client.pixels(), o, o + band.width(), d.latest(), o, o + band.width()))
                            .as("step %d row %d", step, yy).isEqualTo(-1);
                }
            }
        }
        assertThat(blts).isGreaterThan(100);
    }

    @Test
    void equallyWideChangesInStackedTileRowsAreOneOrder() {
        ScreenDiffer d = blackScreen();
        int[] px = d.latest();
        Rect strip = new Rect(40, 10, 9, 140); // an exposed strip beside a moved window: three tile rows
        Rect solid = new Rect(128, 60, 72, 80); // a solid area over three tile rows and two tile columns
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (inside(strip, x, y)) {
                    px[y * W + x] = pixel(x, y);
                } else if (inside(solid, x, y)) {
                    px[y * W + x] = 0x2040C0;
                }
            }
        }
        Surface client = new Surface(W, H);
        d.tiles().mark(strip);
        d.tiles().mark(solid);
        List<DisplayMessage> orders = d.diff(List.of(strip, solid));
        orders.forEach(new OrderRenderer(client)::apply);
        assertThat(orders).containsExactlyInAnyOrder(new SolidRect(solid, 0x2040C0), orders.stream()
                .filter(m -> m instanceof DirtyRect).findFirst().orElseThrow());
        DirtyRect dirty = (DirtyRect) orders.stream().filter(m -> m instanceof DirtyRect).findFirst().orElseThrow();
        assertThat(new Rect(dirty.bitmap().x(), dirty.bitmap().y(), dirty.bitmap().width(), dirty.bitmap().height()))
                .isEqualTo(strip);
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    @Test
    void stackedDirtyRectsStayWithinTheBandSize() {
        int w = 2048;
        int h = 1024; // 2 Mi pixels changing at once: two stacked DIRTY_RECTs at least
        ScreenDiffer d = new ScreenDiffer(w, h, false);
        d.tiles().markAll();
        d.diff(List.of());
        int[] px = d.latest();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = pixel(x, y);
            }
        }
        d.tiles().markAll();
        List<DisplayMessage> orders = d.diff(List.of(new Rect(0, 0, w, h)));
        Surface client = new Surface(w, h);
        orders.forEach(new OrderRenderer(client)::apply);
        assertThat(orders).allSatisfy(m -> assertThat(((DirtyRect) m).bitmap().width() * (long) ((DirtyRect) m).bitmap().height())
                .isLessThanOrEqualTo(ScreenDiffer.MAX_STACKED_PIXELS));
        assertThat(orders).hasSizeLessThan(h / TileGrid.TILE); // still stacked, just not beyond the size
        assertThat(client.pixels()).isEqualTo(d.latest());
    }

    /** @return a differ with scroll detection whose first frame ({@link #pixel} rows) {@code r} has drawn */
    private static ScreenDiffer shownTo(OrderRenderer r) {
        ScreenDiffer d = new ScreenDiffer(W, H, true);
        frame(d, 0, new Rect(0, 0, W, H)).forEach(r::apply);
        return d;
    }

    private static boolean inside(Rect r, int x, int y) {
        return x >= r.x() && x < r.right() && y >= r.y() && y < r.bottom();
    }
}
