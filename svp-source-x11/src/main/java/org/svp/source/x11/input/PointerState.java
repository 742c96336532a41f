package org.svp.source.x11.input;

import org.svp.protocol.MouseButtons;
import org.svp.protocol.message.MouseEvent;

/**
 * Turns v1 MOUSE_EVENTs (absolute position plus the full button state) into X pointer actions:
 * a motion when the position changed, a press or release per changed button (left 1, middle 2,
 * right 3), and one wheel click (X buttons 4/5 pressed and released) per event with a wheel bit.
 * Thread: "svp-x11".
 */
public final class PointerState {
    /** What to do with the X pointer. Implemented over XTest by the source. */
    public interface Actions {
        /** Moves the pointer. */
        void move(int x, int y);

        /** Presses or releases X button 1..5. */
        void button(int xButton, boolean down);
    }

    private static final int[][] BUTTONS = {
        {MouseButtons.LEFT, 1}, {MouseButtons.MIDDLE, 2}, {MouseButtons.RIGHT, 3},
    };
    private static final int[][] WHEEL = {{MouseButtons.WHEEL_UP, 4}, {MouseButtons.WHEEL_DOWN, 5}};

    private int x = -1;
    private int y = -1;
    private int buttons;

    /**
     * @param e the client's event
     * @param to where the X actions go
     */
    public void apply(MouseEvent e, Actions to) {
        if (e.x() != x || e.y() != y) {
            x = e.x();
            y = e.y();
            to.move(x, y);
        }
        for (int[] b : BUTTONS) {
            boolean was = (buttons & b[0]) != 0;
            boolean is = (e.buttons() & b[0]) != 0;
            if (was != is) {
                to.button(b[1], is);
            }
        }
        for (int[] w : WHEEL) {
            if ((e.buttons() & w[0]) != 0) {
                to.button(w[1], true);
                to.button(w[1], false);
            }
        }
        buttons = e.buttons();
    }
}
