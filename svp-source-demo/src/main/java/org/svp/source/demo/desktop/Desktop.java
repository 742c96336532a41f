package org.svp.source.demo.desktop;

import java.util.List;
import java.util.Optional;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.Rect;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.ScreenResize;
import org.svp.source.demo.draw.GlyphFont;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * The demo desktop as a deterministic scene: {@link #frame(int)} returns the orders of frame n (the
 * same n, after the same input, always yields the same orders); {@link #keyboard} and {@link #mouse}
 * return the orders an input event causes. Not thread-safe: the demo thread owns it; only
 * {@link #snapshot()} may be called from other threads.
 *
 * <p>Windows (3×2 grid): Log (SCREEN_BLT scrolling, TEXT), Photo (DIRTY_RECT in RGB32/BGR24/RGB16),
 * Chart (LINE, POLYLINE, ELLIPSE, XOR rubber band), Notes (typed text, DST_BLT caret), Bounce
 * (CLIP_DRAW), Files (DST_BLT/SOLID_BLT, SAVE_SCREEN/RESTORE_SCREEN popup). Desktop: PATTERN_BLT_BRUSH
 * dither, icons through the bitmap cache, a taskbar clock.
 */
public final class Desktop {
    /** Frames between pointer shape changes. */
    public static final int CURSOR_EVERY = 50;
    /** Window titles, in layout order. */
    public static final String LOG = "Log";
    public static final String PHOTO = "Photo";
    public static final String CHART = "Chart";
    public static final String NOTES = "Notes";
    public static final String BOUNCE = "Bounce";
    public static final String FILES = "Files";

    private final int width;
    private final int height;
    private final OrderCanvas canvas;
    private final GlyphFont font;
    private final Layout layout;
    private final Taskbar taskbar;
    private final DesktopIcons icons;
    private final List<Panel> panels;
    private final NotesPanel notes;
    private int focused;
    private boolean leftShift;
    private boolean rightShift;
    private boolean capsLock;
    private int buttons;

    /**
     * @param width screen width (≥ 640)
     * @param height screen height (≥ 480)
     * @param fps frames per second the clock assumes (≤ 0: 30)
     * @param font the glyph set for all text
     */
    public Desktop(int width, int height, int fps, GlyphFont font) {
        this.width = width;
        this.height = height;
        this.font = font;
        this.canvas = new OrderCanvas(width, height);
        this.layout = Layout.of(width, height);
        this.taskbar = new Taskbar(layout.taskbar(), font, fps);
        this.icons = new DesktopIcons(layout.desktop());
        List<Rect> cells = layout.cells();
        this.notes = new NotesPanel(new Window(NOTES + " - type here", cells.get(3)), font);
        this.panels = List.of(
                new LogPanel(new Window(LOG + " - svp-server", cells.get(0)), font),
                new PhotoPanel(new Window(PHOTO + " - plasma.raw", cells.get(1))),
                new ChartPanel(new Window(CHART + " - encoder load", cells.get(2))),
                notes,
                new BouncePanel(new Window(BOUNCE + " - clipped", cells.get(4)), font),
                new FilesPanel(new Window(FILES + " - /home/demo", cells.get(5)), font));
        this.focused = 3;
    }

    /**
     * @param n frame number, 0, 1, 2, ... in order; frame 0 starts with SCREEN_RESIZE and paints
     *     everything
     * @return the orders of that frame
     */
    public List<DisplayMessage> frame(int n) {
        if (n == 0) {
            paintAll();
        }
        taskbar.frame(canvas, n);
        icons.frame(canvas, n);
        for (Panel p : panels) {
            p.frame(canvas, n);
        }
        return canvas.flush();
    }

    private void paintAll() {
        canvas.emit(new ScreenResize(width, height));
        canvas.pattern(layout.desktop(), Palette.DESKTOP_FG, Palette.DESKTOP_BG, OrderCanvas.PATCOPY,
                Palette.CHECKER);
        taskbar.paint(canvas);
        icons.paint(canvas);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            p.window().paintFrame(canvas, font, i == focused);
            p.paint(canvas);
        }
    }

    /**
     * @param n frame number
     * @return the pointer shape to send at frame n, if it changes there
     */
    public Optional<CursorShape> cursor(int n) {
        if (n % CURSOR_EVERY != 0) {
            return Optional.empty();
        }
        return Optional.of(switch ((n / CURSOR_EVERY) % 3) {
            case 0 -> Cursors.arrow();
            case 1 -> Cursors.ibeam();
            default -> Cursors.hand();
        });
    }

    /**
     * Tracks Shift and Caps Lock; typed characters go to the Notes window.
     *
     * @param e a key press or release (set-1; a release may also come as make code | 0x80)
     * @return the orders it causes, possibly none
     */
    public List<DisplayMessage> keyboard(KeyboardEvent e) {
        int code = e.scancode();
        boolean down = e.down();
        if (code < 0x100 && (code & 0x80) != 0) {
            code &= 0x7F;
            down = false;
        }
        if (code == Scancodes.LEFT_SHIFT) {
            leftShift = down;
        } else if (code == Scancodes.RIGHT_SHIFT) {
            rightShift = down;
        } else if (code == Scancodes.CAPS_LOCK && down) {
            capsLock = !capsLock;
        } else if (down) {
            int ch = Scancodes.toChar(code, leftShift || rightShift, capsLock);
            if (ch >= 0) {
                notes.type(canvas, (char) ch);
            }
        }
        return canvas.flush();
    }

    /**
     * A left click (LEFT pressed after not pressed) on a window gives it the focus; both title bars
     * are redrawn.
     *
     * @param e absolute position and full button state
     * @return the orders it causes, possibly none
     */
    public List<DisplayMessage> mouse(MouseEvent e) {
        boolean click = (e.buttons() & MouseButtons.LEFT) != 0 && (buttons & MouseButtons.LEFT) == 0;
        buttons = e.buttons();
        if (click) {
            for (int i = 0; i < panels.size(); i++) {
                if (panels.get(i).window().contains(e.x(), e.y()) && i != focused) {
                    panels.get(focused).window().paintTitle(canvas, font, false);
                    focused = i;
                    panels.get(i).window().paintTitle(canvas, font, true);
                    break;
                }
            }
        }
        return canvas.flush();
    }

    /** @return everything typed so far ('\n' for Enter; Backspace removes the last character) */
    public String typedText() {
        return notes.typedText();
    }

    /** @return the title (short name, e.g. {@link #NOTES}) of the focused window */
    public String focusedWindow() {
        return panels.get(focused).window().title().split(" ")[0];
    }

    /**
     * @param name a short window name such as {@link #NOTES}
     * @return that window's frame on screen
     */
    public Rect windowFrame(String name) {
        return panels.stream().map(Panel::window).filter(w -> w.title().split(" ")[0].equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no window " + name)).frame();
    }

    /** @return a copy of what the source believes is on screen (0x00RRGGBB, stride = width); any thread */
    public int[] snapshot() {
        return canvas.snapshot();
    }
}
