package org.svp.source.x11.input;

import org.svp.protocol.keyboard.EvdevScancodes;

/**
 * PC/AT set-1 scancodes from clients to X key codes, for X servers whose keymap follows the XKB
 * "evdev" rules (Xorg, Xvfb, Xvnc on Linux; {@code xmodmap -pke}: keycode 24 is "q"): the shared
 * table {@link EvdevScancodes} gives the Linux evdev code, and the X key code is that + 8. Called by
 * {@code InputReplay} on the X thread; stateless.
 */
public final class KeyMap {
    private KeyMap() {
    }

    /**
     * @param scancode set-1 make code, extended keys as 0xE0xx, Pause as {@link EvdevScancodes#PAUSE};
     *        a break code (bit 7 set) names the same key, as some clients send them
     * @return the X key code, or 0 if the key has none
     */
    public static int keycode(int scancode) {
        int make = scancode == EvdevScancodes.PAUSE ? scancode : scancode & ~0x80;
        return EvdevScancodes.toX11Keycode(make);
    }
}
