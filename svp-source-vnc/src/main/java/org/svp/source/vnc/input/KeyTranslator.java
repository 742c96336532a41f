package org.svp.source.vnc.input;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.svp.protocol.keyboard.EvdevScancodes;
import org.svp.source.vnc.rfb.ClientMessages;

/**
 * KEYBOARD_EVENTs (set-1 scancodes) to RFB key messages. With QEMU's Extended Key Event the scancode
 * itself reaches the guest as an XT key code (extended keys as 0x80 | code, Pause as 0xC6), with the
 * keysym alongside; without it, the keysym from {@link Keysyms} with the Shift state tracked here. A
 * release sends the keysym its press sent, so Shift let go in between cannot leave a key stuck.
 * Thread: "svp-vnc".
 */
public final class KeyTranslator {
    /** QEMU's XT code for Pause. */
    static final int XT_PAUSE = 0xC6;
    private static final int LEFT_SHIFT = 0x2A;
    private static final int RIGHT_SHIFT = 0x36;

    private final Map<Integer, Integer> pressed = new HashMap<>();
    private boolean leftShift;
    private boolean rightShift;

    /**
     * @param down press or release
     * @param scancode the client's set-1 code (a break code, bit 7 set, names the same key)
     * @param qemuKeys whether the server accepts QEMU Extended Key Events
     * @param send where the message goes; nothing is sent for keys without a keysym (keysym path)
     */
    public void key(boolean down, int scancode, boolean qemuKeys, Consumer<byte[]> send) {
        int make = scancode == EvdevScancodes.PAUSE ? scancode : scancode & ~0x80;
        if (make == LEFT_SHIFT) {
            leftShift = down;
        } else if (make == RIGHT_SHIFT) {
            rightShift = down;
        }
        int keysym;
        if (down) {
            keysym = Keysyms.keysym(make, leftShift || rightShift);
            pressed.put(make, keysym);
        } else {
            Integer was = pressed.remove(make);
            keysym = was != null ? was : Keysyms.keysym(make, leftShift || rightShift);
        }
        if (qemuKeys) {
            int xt = xtKeycode(make);
            if (xt != 0) {
                send.accept(ClientMessages.qemuKeyEvent(down, keysym, xt));
                return;
            }
        }
        if (keysym != 0) {
            send.accept(ClientMessages.keyEvent(down, keysym));
        }
    }

    /** @return QEMU's XT key code for a set-1 make code, or 0 if none */
    static int xtKeycode(int make) {
        if (make == EvdevScancodes.PAUSE) {
            return XT_PAUSE;
        }
        if ((make & 0xFF00) == EvdevScancodes.EXTENDED) {
            return 0x80 | (make & 0x7F);
        }
        return make > 0 && make < 0x80 ? make : 0;
    }

    /** Forgets pressed keys (a new connection: the server has none down). */
    public void reset() {
        pressed.clear();
        leftShift = false;
        rightShift = false;
    }
}
