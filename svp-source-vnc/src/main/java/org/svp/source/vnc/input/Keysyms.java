package org.svp.source.vnc.input;

import java.util.HashMap;
import java.util.Map;
import org.svp.protocol.keyboard.EvdevScancodes;
import org.svp.protocol.keyboard.UsKeyboardLayout;

/**
 * Set-1 scancodes to X keysyms for servers without QEMU's Extended Key Event (TigerVNC, most VNC
 * servers): the US layout. Keys that type a character give that character's keysym (Latin-1 keysyms
 * equal the character code), with or without Shift as {@link UsKeyboardLayout} says; the other keys
 * are listed below (docs/vnc-source.md has the table). The keypad sends its digit keysyms (KP_0..KP_9,
 * KP_Decimal) whatever the Num Lock state. Immutable; any thread.
 */
public final class Keysyms {
    private static final Map<Integer, Integer> SPECIAL = new HashMap<>();

    static {
        int[][] table = {
            {0x01, 0xff1b}, // Escape
            {0x0E, 0xff08}, // BackSpace
            {0x0F, 0xff09}, // Tab
            {0x1C, 0xff0d}, // Return
            {0x1D, 0xffe3}, // Control_L
            {0x2A, 0xffe1}, // Shift_L
            {0x36, 0xffe2}, // Shift_R
            {0x37, 0xffaa}, // KP_Multiply
            {0x38, 0xffe9}, // Alt_L
            {0x39, 0x0020}, // space
            {0x3A, 0xffe5}, // Caps_Lock
            {0x45, 0xff7f}, // Num_Lock
            {0x46, 0xff14}, // Scroll_Lock
            {0x47, 0xffb7}, {0x48, 0xffb8}, {0x49, 0xffb9}, // KP_7 KP_8 KP_9
            {0x4A, 0xffad}, // KP_Subtract
            {0x4B, 0xffb4}, {0x4C, 0xffb5}, {0x4D, 0xffb6}, // KP_4 KP_5 KP_6
            {0x4E, 0xffab}, // KP_Add
            {0x4F, 0xffb1}, {0x50, 0xffb2}, {0x51, 0xffb3}, // KP_1 KP_2 KP_3
            {0x52, 0xffb0}, {0x53, 0xffae}, // KP_0 KP_Decimal
            {0x56, 0x003c}, // ISO 102nd key: less
            {0x57, 0xffc8}, {0x58, 0xffc9}, // F11 F12
            {0xE01C, 0xff8d}, // KP_Enter
            {0xE01D, 0xffe4}, // Control_R
            {0xE035, 0xffaf}, // KP_Divide
            {0xE037, 0xff61}, // Print
            {0xE038, 0xffea}, // Alt_R
            {0xE047, 0xff50}, {0xE048, 0xff52}, {0xE049, 0xff55}, // Home Up Prior
            {0xE04B, 0xff51}, {0xE04D, 0xff53}, // Left Right
            {0xE04F, 0xff57}, {0xE050, 0xff54}, {0xE051, 0xff56}, // End Down Next
            {0xE052, 0xff63}, {0xE053, 0xffff}, // Insert Delete
            {0xE05B, 0xffeb}, {0xE05C, 0xffec}, {0xE05D, 0xff67}, // Super_L Super_R Menu
            {EvdevScancodes.PAUSE, 0xff13}, // Pause
        };
        for (int[] e : table) {
            SPECIAL.put(e[0], e[1]);
        }
        for (int f = 0; f < 10; f++) {
            SPECIAL.put(0x3B + f, 0xffbe + f); // F1..F10
        }
    }

    private Keysyms() {
    }

    /**
     * @param make a set-1 make code (extended 0xE0xx, Pause {@link EvdevScancodes#PAUSE})
     * @param shift whether a Shift key is held
     * @return the keysym, or 0 if the key has none here
     */
    public static int keysym(int make, boolean shift) {
        Integer special = SPECIAL.get(make);
        if (special != null) {
            return special;
        }
        return UsKeyboardLayout.charFor(make, shift).map(c -> (int) c).orElse(0);
    }
}
