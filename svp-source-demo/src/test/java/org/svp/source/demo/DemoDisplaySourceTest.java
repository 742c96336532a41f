package org.svp.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Command;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.wire.MessageWriter;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.source.SourceUpdate;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;
import org.svp.source.demo.desktop.Desktop;

class DemoDisplaySourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Set-1 make codes of h, e, l, l, o. */
    private static final int[] HELLO = {0x23, 0x12, 0x26, 0x26, 0x18};

    /** Runs a script to its end at full speed and returns the source (still open) and its updates. */
    private static Run play(int width, int height, int frames) throws InterruptedException {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(width, height, frames, 0));
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        assertThat(source.awaitIdle(TIMEOUT)).as("script finished").isTrue();
        return new Run(source, sink);
    }

    private record Run(DemoDisplaySource source, CollectingSink sink) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    private static Surface replay(List<DisplayMessage> messages) {
        Surface s = new Surface(1, 1);
        OrderRenderer r = new OrderRenderer(s);
        for (DisplayMessage m : messages) {
            r.apply(m);
        }
        return s;
    }

    private static void type(DemoDisplaySource source, int... scancodes) {
        for (int code : scancodes) {
            source.input().keyboard(new KeyboardEvent(true, code));
            source.input().keyboard(new KeyboardEvent(false, code));
        }
    }

    private static int[] region(int[] px, int stride, Rect r) {
        int[] out = new int[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(px, (r.y() + y) * stride + r.x(), out, y * r.width(), r.width());
        }
        return out;
    }

    @Test
    void twoRunsOfThreeHundredFramesAreIdentical() throws Exception {
        try (Run a = play(1280, 800, 300); Run b = play(1280, 800, 300)) {
            List<DisplayMessage> ma = a.sink().messages();
            List<DisplayMessage> mb = b.sink().messages();
            assertThat(mb).hasSameSizeAs(ma);
            for (int i = 0; i < ma.size(); i++) {
                assertThat(MessageWriter.encode(mb.get(i))).as("message %d (%s)", i, ma.get(i).command())
                        .isEqualTo(MessageWriter.encode(ma.get(i)));
            }
            Surface sa = replay(ma);
            Surface sb = replay(mb);
            assertThat(Arrays.equals(sa.pixels(), sb.pixels())).isTrue();
            assertThat(a.source().framesPlayed()).isEqualTo(300);
        }
    }

    @Test
    void everyDisplayOrderAndACursorAppearInTheFirstThreeHundredFrames() throws Exception {
        try (Run run = play(1280, 800, 300)) {
            Set<Command> seen = EnumSet.noneOf(Command.class);
            run.sink().messages().forEach(m -> seen.add(m.command()));
            assertThat(seen).containsExactlyInAnyOrder(Command.SCREEN_RESIZE, Command.DIRTY_RECT,
                    Command.SOLID_RECT, Command.SOLID_BLT, Command.DST_BLT, Command.SCREEN_BLT,
                    Command.PATTERN_BLT_BRUSH, Command.MEM_BLT, Command.CACHED_BITMAP, Command.DELETED_BITMAP,
                    Command.LINE, Command.CLIP_DRAW, Command.POLYLINE, Command.ELLIPSE, Command.SAVE_SCREEN,
                    Command.RESTORE_SCREEN, Command.TEXT);
            assertThat(run.sink().updates()).anyMatch(u -> u instanceof SourceUpdate.Cursor);
        }
    }

    @Test
    void firstUpdateIsScreenResizeThenTheWholeBackground() throws Exception {
        try (Run run = play(800, 600, 1)) {
            SourceUpdate first = run.sink().updates().getFirst();
            assertThat(first).isInstanceOf(SourceUpdate.Draw.class);
            List<DisplayMessage> m = ((SourceUpdate.Draw) first).messages();
            assertThat(m.get(0)).isEqualTo(new ScreenResize(800, 600));
            assertThat(m.get(1).command()).isEqualTo(Command.PATTERN_BLT_BRUSH);
        }
    }

    @Test
    void typingHelloAfterTheScriptUpdatesNotes() throws Exception {
        try (Run run = play(1280, 800, 20)) {
            DemoDisplaySource source = run.source();
            Rect notes = source.windowFrame(Desktop.NOTES);
            int[] before = region(source.screenSnapshot(), 1280, notes);
            int updatesBefore = run.sink().size();
            type(source, HELLO);
            assertThat(source.awaitIdle(TIMEOUT)).isTrue();
            assertThat(source.typedText()).isEqualTo("hello");
            assertThat(run.sink().size()).as("input is submitted without waiting for frames").isGreaterThan(updatesBefore);
            int[] after = region(source.screenSnapshot(), 1280, notes);
            assertThat(Arrays.equals(before, after)).as("Notes pixels changed").isFalse();
            Surface replayed = replay(run.sink().messages());
            assertThat(region(replayed.pixels(), 1280, notes)).isEqualTo(after);
        }
    }

    @Test
    void shiftBackspaceAndEnterEditTheText() throws Exception {
        try (Run run = play(640, 480, 1)) {
            DemoDisplaySource source = run.source();
            source.input().keyboard(new KeyboardEvent(true, 0x2A)); // LShift down
            type(source, 0x23, 0x02); // H !
            source.input().keyboard(new KeyboardEvent(false, 0x2A));
            type(source, 0x17, 0x0E, 0x18, 0x1C, 0x39, 0x0C, 0xE01C); // i BS o Enter space - kpEnter
            assertThat(source.awaitIdle(TIMEOUT)).isTrue();
            assertThat(source.typedText()).isEqualTo("H!o\n -\n");
        }
    }

    @Test
    void shadowSurfaceEqualsTheSubmittedOrdersAndRestoreBringsBackTheSavedPixels() throws Exception {
        try (Run run = play(1280, 800, 300)) {
            List<DisplayMessage> messages = run.sink().messages();
            Surface s = new Surface(1, 1);
            OrderRenderer r = new OrderRenderer(s);
            int[] saved = null;
            Rect savedArea = null;
            int restores = 0;
            for (DisplayMessage m : messages) {
                if (m instanceof SaveScreen save) {
                    savedArea = new Rect(save.p1().x(), save.p1().y(), save.p2().x() - save.p1().x(),
                            save.p2().y() - save.p1().y());
                    saved = s.copyRegion(savedArea.x(), savedArea.y(), savedArea.width(), savedArea.height());
                }
                r.apply(m);
                if (m instanceof RestoreScreen) {
                    assertThat(saved).isNotNull();
                    assertThat(s.copyRegion(savedArea.x(), savedArea.y(), savedArea.width(), savedArea.height()))
                            .as("pixels after RESTORE_SCREEN").isEqualTo(saved);
                    restores++;
                }
            }
            assertThat(restores).isPositive();
            assertThat(Arrays.equals(s.pixels(), run.source().screenSnapshot())).isTrue();
        }
    }

    @Test
    void clipDrawCountsTheDrawingOrdersThatFollowInTheSameUpdate() throws Exception {
        try (Run run = play(1280, 800, 300)) {
            int clips = 0;
            for (SourceUpdate u : run.sink().updates()) {
                if (!(u instanceof SourceUpdate.Draw d)) {
                    continue;
                }
                List<DisplayMessage> m = d.messages();
                for (int i = 0; i < m.size(); i++) {
                    if (m.get(i) instanceof ClipDraw clip) {
                        clips++;
                        assertThat(clip.rects()).hasSize(2);
                        int drawing = 0;
                        int j = i + 1;
                        while (drawing < clip.cmdCount()) {
                            assertThat(j).as("CLIP_DRAW at %d runs past its update", i).isLessThan(m.size());
                            assertThat(m.get(j)).isNotInstanceOf(ClipDraw.class);
                            if (m.get(j).isDrawing()) {
                                drawing++;
                            }
                            j++;
                        }
                    }
                }
            }
            assertThat(clips).isGreaterThanOrEqualTo(299);
        }
    }

    @Test
    void everyRectStaysOnScreenAtTheSmallestSize() throws Exception {
        try (Run run = play(640, 480, 300)) {
            Rect screen = new Rect(0, 0, 640, 480);
            List<Rect> rects = new ArrayList<>();
            for (DisplayMessage m : run.sink().messages()) {
                switch (m) {
                    case org.svp.protocol.message.SolidRect o -> rects.add(o.rect());
                    case org.svp.protocol.message.SolidBlt o -> rects.add(o.rect());
                    case org.svp.protocol.message.DstBlt o -> rects.add(o.rect());
                    case org.svp.protocol.message.ScreenBlt o -> rects.add(o.rect());
                    case org.svp.protocol.message.PatternBltBrush o -> rects.add(o.rect());
                    case org.svp.protocol.message.MemBlt o -> rects.add(o.rect());
                    case org.svp.protocol.message.Text o -> rects.add(o.opaque());
                    case org.svp.protocol.message.DirtyRect o -> rects.add(new Rect(o.bitmap().x(), o.bitmap().y(),
                            o.bitmap().width(), o.bitmap().height()));
                    case ClipDraw o -> rects.addAll(o.rects());
                    default -> {
                    }
                }
            }
            assertThat(rects).isNotEmpty().allSatisfy(rect -> {
                if (!rect.isEmpty()) {
                    assertThat(rect.intersect(screen)).isEqualTo(rect);
                }
            });
        }
    }

    @Test
    void clickingAWindowMovesTheFocusAndRedrawsTitleBars() throws Exception {
        try (Run run = play(1280, 800, 1)) {
            DemoDisplaySource source = run.source();
            Rect log = source.windowFrame(Desktop.LOG);
            Rect titleBar = new Rect(log.x() + 1, log.y() + 1, log.width() - 2, 20);
            int[] before = region(source.screenSnapshot(), 1280, titleBar);
            int updates = run.sink().size();
            source.input().mouse(new MouseEvent(log.x() + 30, log.y() + 60, 0));
            source.input().mouse(new MouseEvent(log.x() + 30, log.y() + 60, MouseButtons.LEFT));
            source.input().mouse(new MouseEvent(log.x() + 30, log.y() + 60, 0));
            assertThat(source.awaitIdle(TIMEOUT)).isTrue();
            assertThat(run.sink().size()).isEqualTo(updates + 1);
            assertThat(Arrays.equals(before, region(source.screenSnapshot(), 1280, titleBar))).isFalse();
        }
    }

    @Test
    void markerIsSubmittedAfterTheLastFrameAndTheFpsPacesTheScript() throws Exception {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(640, 480, 6, 50));
        AtomicInteger ran = new AtomicInteger();
        SourceUpdate.MarkerAction action = (w, h, argb) -> ran.incrementAndGet();
        source.onScriptFinished(action);
        CollectingSink sink = new CollectingSink();
        long t0 = System.nanoTime();
        source.start(sink);
        try {
            assertThat(source.awaitIdle(TIMEOUT)).isTrue();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).as("5 frame periods of 20 ms").isGreaterThanOrEqualTo(90);
            assertThat(source.framesPlayed()).isEqualTo(6);
            assertThat(sink.updates().getLast()).isEqualTo(new SourceUpdate.Marker(action));
            assertThat(sink.updates()).filteredOn(u -> u instanceof SourceUpdate.Marker).hasSize(1);
        } finally {
            source.close();
        }
    }

    /** bench load stops the endless animation to compare final pictures: one more frame, then the marker. */
    @Test
    void finishNowEndsAnEndlessScriptAfterOneMoreFrame() throws Exception {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(640, 480, -1, 50));
        AtomicInteger ran = new AtomicInteger();
        SourceUpdate.MarkerAction action = (w, h, argb) -> ran.incrementAndGet();
        source.onScriptFinished(action);
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (source.framesPlayed() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            int before = source.framesPlayed();
            source.finishNow();
            assertThat(source.awaitIdle(TIMEOUT)).isTrue();
            assertThat(source.scriptFinished()).isTrue();
            assertThat(source.framesPlayed()).isBetween(before, before + 2);
            Thread.sleep(100); // five frame periods: nothing more is drawn
            assertThat(source.framesPlayed()).isBetween(before, before + 2);
            assertThat(sink.updates().getLast()).isEqualTo(new SourceUpdate.Marker(action));
            assertThat(sink.updates()).filteredOn(u -> u instanceof SourceUpdate.Marker).hasSize(1);
        } finally {
            source.close();
        }
    }

    @Test
    void optionsRejectScreensBelowTheMinimum() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new DemoOptions(639, 480, -1, 30));
        assertThat(DemoOptions.defaults()).isEqualTo(new DemoOptions(1280, 800, -1, 30));
        assertThat(new DemoDisplaySource(DemoOptions.defaults()).name()).isEqualTo("demo");
    }
}
