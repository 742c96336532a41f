package org.svp.client.swing.input;

import java.awt.Point;
import java.awt.event.InputEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.util.function.Function;
import org.svp.protocol.MouseButtons;

/**
 * Sends the pointer to the server: absolute position mapped from canvas to screen coordinates, the full
 * button state on every event (left, right, middle), and each wheel notch as one event with the
 * WHEEL_UP or WHEEL_DOWN bit set followed by one without it. Listener on the canvas; EDT only.
 */
public final class MouseForwarder extends MouseAdapter {
    /** Where pointer events go. Called on the EDT; must not block. */
    @FunctionalInterface
    public interface PointerSink {
        /**
         * @param x screen column
         * @param y screen row
         * @param buttons {@link MouseButtons} bits
         */
        void pointer(int x, int y, int buttons);
    }

    private final Function<Point, Point> toScreen;
    private final PointerSink sink;

    /**
     * @param toScreen canvas point → remote screen point (through the current scale), clamped to the screen
     * @param sink where events go
     */
    public MouseForwarder(Function<Point, Point> toScreen, PointerSink sink) {
        this.toScreen = toScreen;
        this.sink = sink;
    }

    /**
     * @param modifiersEx {@link InputEvent#getModifiersEx()}
     * @return the {@link MouseButtons} bits of the held buttons
     */
    static int buttons(int modifiersEx) {
        int b = 0;
        if ((modifiersEx & InputEvent.BUTTON1_DOWN_MASK) != 0) {
            b |= MouseButtons.LEFT;
        }
        if ((modifiersEx & InputEvent.BUTTON3_DOWN_MASK) != 0) {
            b |= MouseButtons.RIGHT;
        }
        if ((modifiersEx & InputEvent.BUTTON2_DOWN_MASK) != 0) {
            b |= MouseButtons.MIDDLE;
        }
        return b;
    }

    private void send(MouseEvent e, int extra) {
        Point p = toScreen.apply(e.getPoint());
        sink.pointer(p.x, p.y, buttons(e.getModifiersEx()) | extra);
    }

    @Override
    public void mousePressed(MouseEvent e) {
        e.getComponent().requestFocusInWindow();
        send(e, 0);
    }

    @Override
    public void mouseReleased(MouseEvent e) {
        send(e, 0);
    }

    @Override
    public void mouseMoved(MouseEvent e) {
        send(e, 0);
    }

    @Override
    public void mouseDragged(MouseEvent e) {
        send(e, 0);
    }

    @Override
    public void mouseWheelMoved(MouseWheelEvent e) {
        int notches = e.getWheelRotation();
        int bit = notches < 0 ? MouseButtons.WHEEL_UP : MouseButtons.WHEEL_DOWN;
        for (int i = 0; i < Math.abs(notches); i++) {
            send(e, bit);
            send(e, 0);
        }
    }
}
