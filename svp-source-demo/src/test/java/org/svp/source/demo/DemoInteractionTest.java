package org.svp.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.source.SourceUpdate;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;
import org.svp.source.demo.desktop.Desktop;

/**
 * Windows dragged by their title bars, raised by clicks, and the Notes button and checkbox, driven
 * through the source's InputSink as a client would. Every test also rebuilds the screen from the
 * submitted orders and compares it with the source's shadow: what a client sees is what the demo drew.
 */
class DemoInteractionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int W = 1280;
    private static final int H = 800;
    private static final int DESKTOP_FG = 0x008080;
    private static final int DESKTOP_BG = 0x006A6A;

    private record Run(DemoDisplaySource source, CollectingSink sink) implements AutoCloseable {
        void mouse(int x, int y, int buttons) {
            source.input().mouse(new MouseEvent(x, y, buttons));
        }

        /** Press at (x, y), move in four steps by (dx, dy), release there. */
        void drag(int x, int y, int dx, int dy) {
            mouse(x, y, 0);
            mouse(x, y, MouseButtons.LEFT);
            for (int i = 1; i <= 4; i++) {
                mouse(x + dx * i / 4, y + dy * i / 4, MouseButtons.LEFT);
            }
            mouse(x + dx, y + dy, 0);
        }

        void click(int x, int y) {
            mouse(x, y, MouseButtons.LEFT);
            mouse(x, y, 0);
        }

        void idle() throws InterruptedException {
            assertThat(source.awaitIdle(TIMEOUT)).as("demo idle").isTrue();
        }

        int[] screen() {
            return source.screenSnapshot();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** Starts a script of {@code frames} frames at full speed; input queued before start runs after frame 0. */
    private static Run start(int frames, java.util.function.Consumer<Run> before) {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(W, H, frames, 0));
        Run run = new Run(source, new CollectingSink());
        before.accept(run);
        source.start(run.sink());
        return run;
    }

    private static int[] region(int[] px, Rect r) {
        int[] out = new int[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(px, (r.y() + y) * W + r.x(), out, y * r.width(), r.width());
        }
        return out;
    }

    private static Rect moved(Rect r, int dx, int dy) {
        return new Rect(r.x() + dx, r.y() + dy, r.width(), r.height());
    }

    private static Rect clientOf(Rect frame) {
        return new Rect(frame.x() + 1, frame.y() + 22, frame.width() - 2, frame.height() - 23);
    }

    /** The client's view (every submitted order replayed) must equal the source's shadow, pixel for pixel. */
    private static void assertClientSeesTheShadow(Run run) {
        Surface s = new Surface(1, 1);
        OrderRenderer r = new OrderRenderer(s);
        run.sink().messages().forEach(r::apply);
        int[] shadow = run.screen();
        int differ = 0;
        int first = -1;
        for (int i = 0; i < shadow.length; i++) {
            if (s.pixels()[i] != shadow[i]) {
                differ++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(differ).as("pixels differing between replayed orders and shadow, first at (%d,%d)",
                first % W, first / W).isZero();
    }

    @Test
    void draggingATitleBarMovesTheWindowAndRedrawsTheDesktopBehindIt() throws Exception {
        try (Run run = start(1, r -> { })) {
            run.idle();
            Rect log = run.source().windowFrame(Desktop.LOG);
            int tx = log.x() + 120;
            int ty = log.y() + 10;
            run.mouse(tx, ty, 0);
            run.mouse(tx, ty, MouseButtons.LEFT); // raises and focuses Log: its title bar changes colour
            run.idle();
            int[] window = region(run.screen(), log);
            int updates = run.sink().size();
            int dx = 150;
            int dy = 120;
            for (int i = 1; i <= 4; i++) {
                run.mouse(tx + dx * i / 4, ty + dy * i / 4, MouseButtons.LEFT);
            }
            run.mouse(tx + dx, ty + dy, 0);
            run.idle();

            Rect now = run.source().windowFrame(Desktop.LOG);
            assertThat(now).isEqualTo(moved(log, dx, dy));
            assertThat(region(run.screen(), now)).as("the whole window, title bar included, at its new place")
                    .isEqualTo(window);
            Rect uncovered = new Rect(log.x(), log.y(), log.width(), dy);
            int[] behind = region(run.screen(), uncovered);
            for (int y = 0; y < uncovered.height(); y++) {
                for (int x = 0; x < uncovered.width(); x++) {
                    int sx = uncovered.x() + x;
                    int sy = uncovered.y() + y;
                    int expected = ((sx + sy) & 1) == 0 ? DESKTOP_FG : DESKTOP_BG;
                    int got = behind[y * uncovered.width() + x];
                    if (got != expected && got != (expected == DESKTOP_FG ? DESKTOP_BG : DESKTOP_FG)) {
                        throw new AssertionError(String.format("(%d,%d) is %06X, not desktop", sx, sy, got));
                    }
                }
            }
            assertThat(behind[0]).isNotEqualTo(behind[1]).as("a checkerboard, not a flat fill");
            List<DisplayMessage> dragOrders = run.sink().updates().subList(updates, run.sink().size()).stream()
                    .filter(u -> u instanceof SourceUpdate.Draw).flatMap(u -> ((SourceUpdate.Draw) u).messages().stream())
                    .toList();
            assertThat(dragOrders).as("moved with SCREEN_BLT").filteredOn(m -> m instanceof ScreenBlt).hasSize(4);
            assertClientSeesTheShadow(run);
        }
    }

    @Test
    void clickingAWindowBehindAnotherRaisesIt() throws Exception {
        try (Run run = start(1, r -> { })) {
            run.idle();
            Rect log = run.source().windowFrame(Desktop.LOG);
            Rect photo = run.source().windowFrame(Desktop.PHOTO);
            int[] photoClient = region(run.screen(), clientOf(photo));
            int dx = photo.x() - log.x() - 150; // Log now covers Photo's left 150 columns
            run.drag(log.x() + 60, log.y() + 10, dx, 40);
            run.idle();
            assertThat(run.source().stackingOrder().getLast()).isEqualTo(Desktop.LOG);
            Rect overlap = clientOf(photo).intersect(run.source().windowFrame(Desktop.LOG));
            assertThat(overlap.width()).isGreaterThan(100);
            assertThat(region(run.screen(), overlap)).as("Log on top of Photo")
                    .isNotEqualTo(cut(photoClient, clientOf(photo), overlap));

            run.click(photo.right() - 40, photo.y() + 100); // on Photo's visible part
            run.idle();
            assertThat(run.source().stackingOrder().getLast()).isEqualTo(Desktop.PHOTO);
            assertThat(region(run.screen(), clientOf(photo))).as("all of Photo's client area on top again")
                    .isEqualTo(photoClient);
            assertClientSeesTheShadow(run);
        }
    }

    /** @return the part {@code part} of pixels {@code px} that cover {@code whole} (stride = whole's width) */
    private static int[] cut(int[] px, Rect whole, Rect part) {
        int[] out = new int[part.width() * part.height()];
        for (int y = 0; y < part.height(); y++) {
            System.arraycopy(px, (part.y() - whole.y() + y) * whole.width() + part.x() - whole.x(), out,
                    y * part.width(), part.width());
        }
        return out;
    }

    @Test
    void theNotesButtonDarkensWhilePressedAndCountsClicks() throws Exception {
        try (Run run = start(1, r -> { })) {
            run.idle();
            Rect b = run.source().notesButton();
            int[] before = region(run.screen(), b);
            int inside = (b.y() + 3) * W + b.x() + 3;
            assertThat(run.screen()[inside]).isEqualTo(0xC0C0C0);

            run.mouse(b.x() + 10, b.y() + 5, MouseButtons.LEFT);
            run.idle();
            assertThat(run.screen()[inside]).as("pressed face").isEqualTo(0x3A6EA5);
            assertThat(run.source().notesButtonClicks()).isZero();

            run.mouse(b.x() + 10, b.y() + 5, 0);
            run.idle();
            assertThat(run.source().notesButtonClicks()).isEqualTo(1);
            assertThat(run.screen()[inside]).as("face after an odd number of clicks").isEqualTo(0xF0C040);
            int[] once = region(run.screen(), b);
            assertThat(once).isNotEqualTo(before);

            run.click(b.x() + 10, b.y() + 5);
            run.idle();
            assertThat(run.source().notesButtonClicks()).isEqualTo(2);
            assertThat(run.screen()[inside]).as("face after an even number").isEqualTo(0xC0C0C0);
            assertThat(region(run.screen(), b)).as("label 'Clicked 2x', not 'Click me'").isNotEqualTo(before);

            run.mouse(b.x() + 10, b.y() + 5, MouseButtons.LEFT);
            run.mouse(b.x() - 30, b.y() - 30, MouseButtons.LEFT);
            run.mouse(b.x() - 30, b.y() - 30, 0); // released elsewhere: cancelled
            run.idle();
            assertThat(run.source().notesButtonClicks()).isEqualTo(2);
            assertThat(run.screen()[inside]).isEqualTo(0xC0C0C0);
            assertClientSeesTheShadow(run);
        }
    }

    @Test
    void theCheckboxTogglesItsTick() throws Exception {
        try (Run run = start(1, r -> { })) {
            run.idle();
            Rect box = run.source().notesCheckbox();
            Rect inner = new Rect(box.x() + 1, box.y() + 1, box.width() - 2, box.height() - 2);
            assertThat(region(run.screen(), inner)).as("checked at start: a black tick").contains(0x000000);
            run.click(box.x() + 5, box.y() + 5);
            run.idle();
            assertThat(region(run.screen(), inner)).as("unchecked: all white").containsOnly(0xFFFFFF);
            run.click(box.x() + 5, box.y() + 5);
            run.idle();
            assertThat(region(run.screen(), inner)).contains(0x000000);
            assertClientSeesTheShadow(run);
        }
    }

    @Test
    void thePointerTurnsIntoTheMoveShapeOverTitleBars() throws Exception {
        try (Run run = start(1, r -> { })) {
            run.idle();
            Rect chart = run.source().windowFrame(Desktop.CHART);
            int cursors = cursorCount(run);
            run.mouse(chart.x() + 50, chart.y() + 100, 0); // client area: no change
            run.idle();
            assertThat(cursorCount(run)).isEqualTo(cursors);
            run.mouse(chart.x() + 50, chart.y() + 8, 0);
            run.idle();
            assertThat(cursorCount(run)).isEqualTo(cursors + 1);
            CursorShape move = ((SourceUpdate.Cursor) run.sink().updates().getLast()).shape();
            assertThat(move.xHot()).isEqualTo(10);
            run.mouse(chart.x() + 50, chart.y() + 100, 0);
            run.idle();
            assertThat(cursorCount(run)).isEqualTo(cursors + 2);
            assertThat(((SourceUpdate.Cursor) run.sink().updates().getLast()).shape().xHot()).as("arrow again")
                    .isZero();
        }
    }

    private static int cursorCount(Run run) {
        return (int) run.sink().updates().stream().filter(u -> u instanceof SourceUpdate.Cursor).count();
    }

    /** Input queued before start runs right after frame 0, so the 300 frames animate overlapping windows. */
    private static void overlapEverything(Run run) {
        // 1280x800: cells 400x374 at x 56, 464, 872 and y 8, 390; title bars are the top 21 rows
        run.drag(116, 18, 250, 200);    // Log to (306, 208): over Photo, Notes and Bounce
        run.drag(900, 400, -300, -250); // Files to (572, 140): over Photo, Chart and Log
        run.click(500, 700);            // raise Bounce (its lower part is uncovered)
        run.drag(500, 400, 60, -100);   // ... and drag it up by its title bar
        run.click(300, 150);            // bare desktop between windows: nothing happens
        for (int code : new int[] {0x23, 0x12, 0x26, 0x26, 0x18}) {
            run.source().input().keyboard(new KeyboardEvent(true, code));
            run.source().input().keyboard(new KeyboardEvent(false, code));
        }
    }

    @Test
    void overlappingWindowsKeepAnimatingAndTheClientSeesExactlyTheShadow() throws Exception {
        try (Run run = start(300, DemoInteractionTest::overlapEverything)) {
            run.idle();
            assertThat(run.source().stackingOrder()).isNotEqualTo(
                    List.of(Desktop.LOG, Desktop.PHOTO, Desktop.CHART, Desktop.NOTES, Desktop.BOUNCE, Desktop.FILES));
            assertThat(run.sink().messages()).as("partly covered windows draw clipped (Bounce alone: 300)")
                    .filteredOn(m -> m instanceof ClipDraw).hasSizeGreaterThan(400);
            assertThat(run.sink().messages()).anyMatch(m -> m instanceof ClipDraw c && c.rects().size() > 2);
            assertClientSeesTheShadow(run);
        }
    }

    @Test
    void theSameInputGivesTheSameFramesAndOrders() throws Exception {
        try (Run a = start(300, DemoInteractionTest::overlapEverything);
                Run b = start(300, DemoInteractionTest::overlapEverything)) {
            a.idle();
            b.idle();
            for (Run r : List.of(a, b)) {
                Rect button = r.source().notesButton();
                r.click(button.x() + 5, button.y() + 5);
                r.drag(r.source().windowFrame(Desktop.CHART).x() + 30, r.source().windowFrame(Desktop.CHART).y() + 8,
                        -200, 150);
                r.idle();
            }
            assertThat(Arrays.equals(a.screen(), b.screen())).as("identical final frames").isTrue();
            List<DisplayMessage> ma = a.sink().messages();
            List<DisplayMessage> mb = b.sink().messages();
            assertThat(mb).hasSameSizeAs(ma);
            for (int i = 0; i < ma.size(); i++) {
                assertThat(MessageWriter.encode(mb.get(i))).as("message %d", i).isEqualTo(MessageWriter.encode(ma.get(i)));
            }
            assertClientSeesTheShadow(a);
        }
    }
}
