package org.svp.source.demo.desktop;

import org.svp.protocol.keyboard.UsKeyboardLayout;

/**
 * The demo's text editing keys on top of the shared US layout table ({@link UsKeyboardLayout}):
 * Backspace, Enter, keypad Enter and '/', Caps Lock. Extended keys arrive as {@code 0xE000 | code}
 * (protocol.md §7). Called on the demo thread.
 */
final class Scancodes {
    static final int BACKSPACE = UsKeyboardLayout.BACKSPACE;
    static final int ENTER = UsKeyboardLayout.ENTER;
    static final int LEFT_SHIFT = UsKeyboardLayout.LEFT_SHIFT;
    static final int RIGHT_SHIFT = UsKeyboardLayout.RIGHT_SHIFT;
    static final int CAPS_LOCK = 0x3A;
    static final int EXTENDED = 0xE000;

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
        if (scancode == UsKeyboardLayout.TAB || (scancode & EXTENDED) != 0) {
            return -1;
        }
        var plain = UsKeyboardLayout.charFor(scancode, false);
        if (plain.isEmpty()) {
            return -1;
        }
        char c = plain.get();
        boolean letter = c >= 'a' && c <= 'z';
        boolean upper = letter ? shift ^ capsLock : shift;
        return UsKeyboardLayout.charFor(scancode, upper).orElse(c);
    }
}
