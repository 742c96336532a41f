package org.svp.source.demo.desktop;

/**
 * PC/AT set-1 make codes to characters, US layout. Extended keys arrive as {@code 0xE000 | code}
 * (protocol.md §7); only keypad Enter and keypad '/' among them produce characters.
 */
final class Scancodes {
    static final int BACKSPACE = 0x0E;
    static final int ENTER = 0x1C;
    static final int LEFT_SHIFT = 0x2A;
    static final int RIGHT_SHIFT = 0x36;
    static final int CAPS_LOCK = 0x3A;
    static final int EXTENDED = 0xE000;

    /** Index = make code; '\0' = no character. */
    private static final String PLAIN =
            "\0\0" + "1234567890-=" + "\0\0" + "qwertyuiop[]" + "\0\0" + "asdfghjkl;'`" + "\0\\" + "zxcvbnm,./"
                    + "\0*\0 ";
    private static final String SHIFTED =
            "\0\0" + "!@#$%^&*()_+" + "\0\0" + "QWERTYUIOP{}" + "\0\0" + "ASDFGHJKL:\"~" + "\0|" + "ZXCVBNM<>?"
                    + "\0*\0 ";

    private Scancodes() {
    }

    /**
     * @param scancode make code, possibly {@code 0xE000 | code}
     * @param shift whether a Shift key is held
     * @param capsLock whether Caps Lock is on (affects letters only)
     * @return the character, '\b' for Backspace, '\n' for Enter, or -1 for keys without one
     */
    static int toChar(int scancode, boolean shift, boolean capsLock) {
        if (scancode == BACKSPACE) {
            return '\b';
        }
        if (scancode == ENTER || scancode == (EXTENDED | ENTER)) {
            return '\n';
        }
        if (scancode == (EXTENDED | 0x35)) {
            return '/';
        }
        if (scancode < 0 || scancode >= PLAIN.length()) {
            return -1;
        }
        char plain = PLAIN.charAt(scancode);
        if (plain == '\0') {
            return -1;
        }
        boolean letter = plain >= 'a' && plain <= 'z';
        boolean upper = letter ? shift ^ capsLock : shift;
        return upper ? SHIFTED.charAt(scancode) : plain;
    }
}
