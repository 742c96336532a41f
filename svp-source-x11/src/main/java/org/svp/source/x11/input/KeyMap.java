package org.svp.source.x11.input;

/**
 * PC/AT set-1 scancodes to X keycodes for servers whose keymap follows the evdev rules (Xorg, Xvfb,
 * Xvnc on Linux; check with {@code xmodmap -pke}: keycode 24 is "q"): the X keycode is the Linux
 * evdev code + 8, and for the non-extended set-1 codes 0x01..0x58 the evdev code equals the scancode.
 * Extended (0xE0xx) keys go through a table. Stateless; any thread.
 */
public final class KeyMap {
    /** X keycode = evdev code + this. */
    static final int EVDEV_OFFSET = 8;
    /** Highest non-extended set-1 code whose evdev code is the same number (F12). */
    static final int LAST_DIRECT = 0x58;
    /** Pairs {set-1 code after 0xE0, evdev code}. */
    private static final int[][] EXTENDED = {
        {0x1C, 96}, // keypad Enter
        {0x1D, 97}, // right Ctrl
        {0x35, 98}, // keypad /
        {0x37, 99}, // Print Screen
        {0x38, 100}, // right Alt (AltGr)
        {0x47, 102}, // Home
        {0x48, 103}, // Up
        {0x49, 104}, // Page Up
        {0x4B, 105}, // Left
        {0x4D, 106}, // Right
        {0x4F, 107}, // End
        {0x50, 108}, // Down
        {0x51, 109}, // Page Down
        {0x52, 110}, // Insert
        {0x53, 111}, // Delete
        {0x5B, 125}, // left Windows
        {0x5C, 126}, // right Windows
        {0x5D, 127}, // Menu
    };

    private KeyMap() {
    }

    /**
     * @param scancode set-1 make code, extended keys as 0xE0xx
     * @return the X keycode, or 0 if the key has none
     */
    public static int keycode(int scancode) {
        if ((scancode & 0xFF00) == 0xE000) {
            int code = scancode & 0x7F;
            for (int[] e : EXTENDED) {
                if (e[0] == code) {
                    return e[1] + EVDEV_OFFSET;
                }
            }
            return 0;
        }
        int code = scancode & 0x7F; // a break code (bit 7) names the same key
        return code >= 1 && code <= LAST_DIRECT && scancode <= 0xFF ? code + EVDEV_OFFSET : 0;
    }
}
