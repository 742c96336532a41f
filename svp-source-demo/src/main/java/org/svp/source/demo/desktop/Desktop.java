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
 *
 * <p>The windows overlap once a user drags them: each draws into its own backing {@link Layer} and the
 * {@link WindowStack} shows the visible part. A click raises and focuses a window, its title bar drags
 * it, and Notes has a button that counts clicks and a checkbox. Without input nothing overlaps and the
 * frames are the same as a plain screen canvas would draw.
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
    private final Layer iconLayer;
    private final List<Panel> panels;
    private final NotesPanel notes;
    private final WindowStack stack;
    private int focused;
    private boolean leftShift;
    private boolean rightShift;
    private boolean capsLock;
    private int buttons;
    /** The window being dragged by its title bar, or null. */
    private Window dragging;
    /** Pointer position minus the dragged window's top-left, at the press. */
    private int grabX;
    private int grabY;
    /** The panel that got the left press and sees the rest of the gesture, or null. */
    private Panel captured;
    /** The pointer shape the script shows now; over a title bar the move shape replaces it. */
    private CursorShape scriptCursor = Cursors.arrow();
    private boolean overTitle;
    private CursorShape pendingCursor;

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
        this.iconLayer = new Layer(Layout.ICON_COLUMN, layout.desktop().height(), 0, 0);
        List<Rect> cells = layout.cells();
        this.notes = new NotesPanel(new Window(NOTES + " - type here", cells.get(3)), font);
        this.panels = List.of(
                new LogPanel(new Window(LOG + " - svp-server", cells.get(0)), font),
                new PhotoPanel(new Window(PHOTO + " - plasma.raw", cells.get(1))),
                new ChartPanel(new Window(CHART + " - encoder load", cells.get(2))),
                notes,
                new BouncePanel(new Window(BOUNCE + " - clipped", cells.get(4)), font),
                new FilesPanel(new Window(FILES + " - /home/demo", cells.get(5)), font));
        this.stack = new WindowStack(canvas, layout.desktop(), iconLayer, panels.stream().map(Panel::window).toList());
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
        icons.frame(iconLayer.canvas(), n);
        stack.show(iconLayer);
        for (Panel p : panels) {
            p.frame(p.window().canvas(), n);
            stack.show(p.window().layer());
        }
        return canvas.flush();
    }

    private void paintAll() {
        canvas.emit(new ScreenResize(width, height));
        canvas.pattern(layout.desktop(), Palette.DESKTOP_FG, Palette.DESKTOP_BG, OrderCanvas.PATCOPY,
                Palette.CHECKER);
        taskbar.paint(canvas);
        OrderCanvas ic = iconLayer.canvas();
        ic.pattern(new Rect(0, 0, ic.width(), ic.height()), Palette.DESKTOP_FG, Palette.DESKTOP_BG,
                OrderCanvas.PATCOPY, Palette.CHECKER);
        icons.paint(ic);
        stack.show(iconLayer);
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            p.window().paintFrame(p.window().canvas(), font, i == focused);
            p.paint(p.window().canvas());
            stack.show(p.window().layer());
        }
    }

    /**
     * @param n frame number
     * @return the pointer shape to send at frame n, if it changes there (not while the pointer is over a
     *     title bar, which shows the move shape)
     */
    public Optional<CursorShape> cursor(int n) {
        if (n % CURSOR_EVERY != 0) {
            return Optional.empty();
        }
        scriptCursor = switch ((n / CURSOR_EVERY) % 3) {
            case 0 -> Cursors.arrow();
            case 1 -> Cursors.ibeam();
            default -> Cursors.hand();
        };
        return overTitle ? Optional.empty() : Optional.of(scriptCursor);
    }

    /**
     * @return the pointer shape the last mouse event asks for (entering or leaving a title bar), once
     */
    public Optional<CursorShape> takePointerChange() {
        CursorShape c = pendingCursor;
        pendingCursor = null;
        return Optional.ofNullable(c);
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
                notes.type(notes.window().canvas(), (char) ch);
                stack.show(notes.window().layer());
            }
        }
        return canvas.flush();
    }

    /**
     * A left press on a window raises it and gives it the focus (title bars redrawn); on its title bar
     * it starts a drag that moves the window with the pointer until the button is released; on its
     * client area the panel sees the press, the moves and the release (buttons, checkboxes). The pointer
     * shape changes to the move shape over title bars ({@link #takePointerChange()}).
     *
     * @param e absolute position and full button state
     * @return the orders it causes, possibly none
     */
    public List<DisplayMessage> mouse(MouseEvent e) {
        int before = buttons;
        buttons = e.buttons();
        boolean wasDown = (before & MouseButtons.LEFT) != 0;
        boolean down = (buttons & MouseButtons.LEFT) != 0;
        if (dragging != null) {
            stack.move(dragging, e.x() - grabX, e.y() - grabY);
            if (!down) {
                dragging = null;
            }
        } else if (captured != null) {
            forward(captured, e, before);
            if (!down) {
                captured = null;
            }
        } else if (down && !wasDown) {
            press(e, before);
        }
        hover(e.x(), e.y());
        return canvas.flush();
    }

    private void press(MouseEvent e, int before) {
        Window w = stack.windowAt(e.x(), e.y());
        if (w == null) {
            return;
        }
        int i = indexOf(w);
        stack.raise(w);
        if (i != focused) {
            Window old = panels.get(focused).window();
            old.paintTitle(old.canvas(), font, false);
            stack.show(old.layer());
            focused = i;
            w.paintTitle(w.canvas(), font, true);
            stack.show(w.layer());
        }
        if (w.onTitleBar(e.x(), e.y())) {
            dragging = w;
            grabX = e.x() - w.screenFrame().x();
            grabY = e.y() - w.screenFrame().y();
        } else {
            captured = panels.get(i);
            forward(captured, e, before);
        }
    }

    private void forward(Panel p, MouseEvent e, int before) {
        Window w = p.window();
        p.mouse(w.canvas(), e.x() - w.screenFrame().x(), e.y() - w.screenFrame().y(), e.buttons(), before);
        stack.show(w.layer());
    }

    private int indexOf(Window w) {
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i).window() == w) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a window of this desktop");
    }

    /** Switches the pointer to the move shape over a title bar (or while dragging) and back. */
    private void hover(int x, int y) {
        Window w = stack.windowAt(x, y);
        boolean over = dragging != null || (captured == null && w != null && w.onTitleBar(x, y));
        if (over != overTitle) {
            overTitle = over;
            pendingCursor = over ? Cursors.move() : scriptCursor;
        }
    }

    /** @return everything typed so far ('\n' for Enter; Backspace removes the last character) */
    public String typedText() {
        return notes.typedText();
    }

    /** @return the title (short name, e.g. {@link #NOTES}) of the focused window */
    public String focusedWindow() {
        return panels.get(focused).window().name();
    }

    /** @return the short names of the windows, bottom of the stack first */
    public List<String> stackingOrder() {
        return stack.names();
    }

    /** @return the Notes window's button: its frame on screen */
    public Rect notesButton() {
        return onScreen(notes.window(), notes.button().rect());
    }

    /** @return the Notes button's clicks so far */
    public int notesButtonClicks() {
        return notes.button().clicks();
    }

    /** @return the Notes "Blink caret" checkbox's box on screen */
    public Rect notesCheckbox() {
        return onScreen(notes.window(), notes.blinkBox().box());
    }

    private static Rect onScreen(Window w, Rect local) {
        return new Rect(local.x() + w.screenFrame().x(), local.y() + w.screenFrame().y(), local.width(),
                local.height());
    }

    /**
     * @param name a short window name such as {@link #NOTES}
     * @return that window's frame on screen
     */
    public Rect windowFrame(String name) {
        return panels.stream().map(Panel::window).filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no window " + name)).screenFrame();
    }

    /** @return a copy of what the source believes is on screen (0x00RRGGBB, stride = width); any thread */
    public int[] snapshot() {
        return canvas.snapshot();
    }
}
