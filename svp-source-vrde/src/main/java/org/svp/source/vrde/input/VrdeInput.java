package org.svp.source.vrde.input;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.VideoModeset;
import org.svp.source.InputSink;
import org.svp.source.vrde.control.ControlMessage;

/**
 * Client input to VirtualBox (VRDECallbackInput through the control socket). Runs on the server's
 * I/O thread and never blocks: messages go to the control channel's queue.
 *
 * <ul>
 * <li>Keys: one VRDE_INPUT_SCANCODE per byte: an extended key (0xE000 | code) sends 0xE0 first;
 * break = make | 0x80. Del (0x53 or 0xE053) pressed while a Ctrl and an Alt are down becomes one
 * VRDE_INPUT_CAD instead (its release is swallowed too). Key releases are never dropped.</li>
 * <li>Lock keys: presses of CapsLock 0x3A, NumLock 0x45 and ScrollLock 0x46 toggle the tracked state;
 * {@link #sessionStarted()} sends it as VRDE_INPUT_SYNCH (all off until a client toggles one).</li>
 * <li>Pointer: VRDE_INPUT_POINT with the SVP button bits (left 1, right 2, middle 4 equal VRDE's
 * BUTTON1/2/3; wheel up 8 and down 16 equal VRDE's wheel bits). A wheel bit that was not set in the
 * client's previous event is sent once and cleared in an extra event right after it (VirtualBox
 * reads a wheel bit as one notch); a held wheel bit is not repeated. Pure moves may be dropped when
 * the module lags; button changes may not.</li>
 * <li>VIDEO_MODESET → VIDEO_MODE_HINT for screen 0.</li>
 * </ul>
 */
public final class VrdeInput implements InputSink {
    static final int CAPS = 0x3A;
    static final int NUM = 0x45;
    static final int SCROLL = 0x46;
    static final int DEL = 0x53;
    static final int CTRL = 0x1D;
    static final int ALT = 0x38;
    private static final int WHEEL = 8 | 16;

    /** Sends (message, droppable). */
    private final BiConsumer<ByteBuffer, Boolean> out;
    private boolean ctrlLeft;
    private boolean ctrlRight;
    private boolean altLeft;
    private boolean altRight;
    private boolean delSwallowed;
    private int lockState;
    private int lastButtons;
    private final Object lock = new Object();

    /** @param out where framed control messages go, with "may be dropped"; must not block */
    public VrdeInput(BiConsumer<ByteBuffer, Boolean> out) {
        this.out = out;
    }

    @Override
    public void keyboard(KeyboardEvent e) {
        synchronized (lock) {
            int code = e.scancode();
            boolean extended = (code & 0xFF00) == 0xE000;
            int make = code & 0x7F;
            boolean down = e.down();
            if (make == CTRL) {
                if (extended) {
                    ctrlRight = down;
                } else {
                    ctrlLeft = down;
                }
            } else if (make == ALT) {
                if (extended) {
                    altRight = down;
                } else {
                    altLeft = down;
                }
            } else if (make == DEL) {
                if (down && (ctrlLeft || ctrlRight) && (altLeft || altRight)) {
                    delSwallowed = true;
                    out.accept(ControlMessage.of(ControlMessage.INPUT, ControlMessage.INPUT_CAD), false);
                    return;
                }
                if (!down && delSwallowed) {
                    delSwallowed = false;
                    return;
                }
            }
            if (down && !extended) {
                switch (make) {
                    case CAPS -> lockState ^= 0x04;
                    case NUM -> lockState ^= 0x02;
                    case SCROLL -> lockState ^= 0x01;
                    default -> { }
                }
            }
            if (extended) {
                scancode(0xE0);
            }
            scancode(down ? make : make | 0x80);
        }
    }

    private void scancode(int b) {
        out.accept(ControlMessage.of(ControlMessage.INPUT, ControlMessage.INPUT_SCANCODE, b), false);
    }

    @Override
    public void mouse(MouseEvent e) {
        synchronized (lock) {
            int buttons = e.buttons() & 0x1F;
            int newWheel = buttons & WHEEL & ~lastButtons;
            int held = buttons & ~WHEEL;
            boolean changed = (held != (lastButtons & ~WHEEL)) || newWheel != 0;
            lastButtons = buttons;
            if (newWheel != 0) {
                point(e.x(), e.y(), held | newWheel, false);
            }
            point(e.x(), e.y(), held, !changed);
        }
    }

    private void point(int x, int y, int buttons, boolean droppable) {
        out.accept(ControlMessage.of(ControlMessage.INPUT, ControlMessage.INPUT_POINT, x, y, buttons), droppable);
    }

    @Override
    public void videoModeset(VideoModeset v) {
        out.accept(ControlMessage.of(ControlMessage.VIDEO_MODE_HINT, v.width(), v.height(), v.depth(), 0), false);
    }

    /** A client session started: sends the tracked lock-key state as VRDE_INPUT_SYNCH. I/O thread. */
    public void sessionStarted() {
        synchronized (lock) {
            out.accept(ControlMessage.of(ControlMessage.INPUT, ControlMessage.INPUT_SYNCH, lockState), false);
        }
    }

    /** @return the tracked lock state in VRDE_INPUT_SYNCH bits (scroll 1, num 2, caps 4) */
    public int lockState() {
        synchronized (lock) {
            return lockState;
        }
    }
}
