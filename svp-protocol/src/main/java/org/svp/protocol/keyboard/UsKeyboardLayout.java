package org.svp.protocol.keyboard;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The US keyboard layout in PC/AT scan code set 1 (make codes; a release is the same code sent with
 * down = 0 on the wire). Used both ways: {@code ./svp type} turns text into key strokes, and the
 * demo desktop turns key strokes back into text. Immutable and thread-safe.
 */
public final class UsKeyboardLayout {
    /** Left Shift make code. */
    public static final int LEFT_SHIFT = 0x2A;
    /** Right Shift make code. */
    public static final int RIGHT_SHIFT = 0x36;
    /** Enter (main keyboard). */
    public static final int ENTER = 0x1C;
    /** Backspace. */
    public static final int BACKSPACE = 0x0E;
    /** Tab. */
    public static final int TAB = 0x0F;

    /**
     * One key stroke for a character.
     *
     * @param scancode the set-1 make code
     * @param shift whether Shift must be held
     */
    public record Stroke(int scancode, boolean shift) {
    }

    private static final String ROW_PLAIN = "1234567890-=" + "qwertyuiop[]" + "asdfghjkl;'`" + "\\zxcvbnm,./";
    private static final String ROW_SHIFT = "!@#$%^&*()_+" + "QWERTYUIOP{}" + "ASDFGHJKL:\"~" + "|ZXCVBNM<>?";
    private static final int[] CODES = {
        0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B,
        0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29,
        0x2B, 0x2C, 0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35,
    };
    private static final Map<Character, Stroke> BY_CHAR = new HashMap<>();
    private static final Map<Integer, Character> PLAIN = new HashMap<>();
    private static final Map<Integer, Character> SHIFTED = new HashMap<>();

    static {
        for (int i = 0; i < CODES.length; i++) {
            BY_CHAR.put(ROW_PLAIN.charAt(i), new Stroke(CODES[i], false));
            BY_CHAR.put(ROW_SHIFT.charAt(i), new Stroke(CODES[i], true));
            PLAIN.put(CODES[i], ROW_PLAIN.charAt(i));
            SHIFTED.put(CODES[i], ROW_SHIFT.charAt(i));
        }
        BY_CHAR.put(' ', new Stroke(0x39, false));
        BY_CHAR.put('\n', new Stroke(ENTER, false));
        BY_CHAR.put('\t', new Stroke(TAB, false));
        PLAIN.put(0x39, ' ');
        SHIFTED.put(0x39, ' ');
        PLAIN.put(0x37, '*'); // keypad *
        SHIFTED.put(0x37, '*');
    }

    private UsKeyboardLayout() {
    }

    /**
     * @param c a character
     * @return the stroke that types it on a US keyboard, or empty if none does
     */
    public static Optional<Stroke> strokeFor(char c) {
        return Optional.ofNullable(BY_CHAR.get(c));
    }

    /**
     * @param scancode a set-1 make code (extended codes 0xE0xx never map to characters)
     * @param shift whether Shift is held
     * @return the character it types, or empty for keys that type none
     */
    public static Optional<Character> charFor(int scancode, boolean shift) {
        return Optional.ofNullable((shift ? SHIFTED : PLAIN).get(scancode));
    }
}
