package org.svp.protocol;

/** Button bits of MOUSE_EVENT (protocol.md §2): the full button state, not a change. */
public final class MouseButtons {
    public static final int LEFT = 1;
    public static final int RIGHT = 2;
    public static final int MIDDLE = 4;
    public static final int WHEEL_UP = 8;
    public static final int WHEEL_DOWN = 16;

    private MouseButtons() {
    }
}
