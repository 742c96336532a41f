package org.svp.client.swing.input;

import static java.awt.event.KeyEvent.*;

import java.util.HashMap;
import java.util.Map;
import org.svp.protocol.keyboard.EvdevScancodes;
import org.svp.protocol.keyboard.UsKeyboardLayout;

/**
 * The fallback when the physical key is unknown (no X key code, macOS): Java's virtual key code and
 * key location to a set-1 make code, as the key would be on a US keyboard. Right for keys that do not
 * depend on the layout (modifiers, function keys, arrows, keypad, Enter, Space); the letters and
 * punctuation follow the local layout's meaning, not the physical key. Immutable; any thread.
 */
public final class VirtualKeyScancodes {
    private static final int E = EvdevScancodes.EXTENDED;
    /** Keys whose code does not depend on where they are. */
    private static final Map<Integer, Integer> PLAIN = new HashMap<>();
    /** Keys with a second copy on the keypad or right side: (vk, code on the keypad / right). */
    private static final Map<Integer, Integer> KEYPAD = new HashMap<>();
    private static final Map<Integer, Integer> RIGHT = new HashMap<>();

    static {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789-=[];'`\\,./";
        int[] vks = {VK_A, VK_B, VK_C, VK_D, VK_E, VK_F, VK_G, VK_H, VK_I, VK_J, VK_K, VK_L, VK_M, VK_N, VK_O,
            VK_P, VK_Q, VK_R, VK_S, VK_T, VK_U, VK_V, VK_W, VK_X, VK_Y, VK_Z, VK_0, VK_1, VK_2, VK_3, VK_4, VK_5,
            VK_6, VK_7, VK_8, VK_9, VK_MINUS, VK_EQUALS, VK_OPEN_BRACKET, VK_CLOSE_BRACKET, VK_SEMICOLON,
            VK_QUOTE, VK_BACK_QUOTE, VK_BACK_SLASH, VK_COMMA, VK_PERIOD, VK_SLASH};
        for (int i = 0; i < vks.length; i++) {
            PLAIN.put(vks[i], UsKeyboardLayout.strokeFor(chars.charAt(i)).orElseThrow().scancode());
        }
        int[][] plain = {
            {VK_ESCAPE, 0x01}, {VK_BACK_SPACE, 0x0E}, {VK_TAB, 0x0F}, {VK_ENTER, 0x1C}, {VK_CONTROL, 0x1D},
            {VK_SHIFT, 0x2A}, {VK_ALT, 0x38}, {VK_SPACE, 0x39}, {VK_CAPS_LOCK, 0x3A}, {VK_NUM_LOCK, 0x45},
            {VK_SCROLL_LOCK, 0x46}, {VK_F1, 0x3B}, {VK_F2, 0x3C}, {VK_F3, 0x3D}, {VK_F4, 0x3E}, {VK_F5, 0x3F},
            {VK_F6, 0x40}, {VK_F7, 0x41}, {VK_F8, 0x42}, {VK_F9, 0x43}, {VK_F10, 0x44}, {VK_F11, 0x57},
            {VK_F12, 0x58}, {VK_MULTIPLY, 0x37}, {VK_SUBTRACT, 0x4A}, {VK_ADD, 0x4E}, {VK_DECIMAL, 0x53},
            {VK_SEPARATOR, 0x53}, {VK_DIVIDE, E | 0x35}, {VK_NUMPAD0, 0x52}, {VK_NUMPAD1, 0x4F}, {VK_NUMPAD2, 0x50},
            {VK_NUMPAD3, 0x51}, {VK_NUMPAD4, 0x4B}, {VK_NUMPAD5, 0x4C}, {VK_NUMPAD6, 0x4D}, {VK_NUMPAD7, 0x47},
            {VK_NUMPAD8, 0x48}, {VK_NUMPAD9, 0x49}, {VK_KP_UP, 0x48}, {VK_KP_DOWN, 0x50}, {VK_KP_LEFT, 0x4B},
            {VK_KP_RIGHT, 0x4D}, {VK_INSERT, E | 0x52}, {VK_DELETE, E | 0x53}, {VK_HOME, E | 0x47},
            {VK_END, E | 0x4F}, {VK_PAGE_UP, E | 0x49}, {VK_PAGE_DOWN, E | 0x51}, {VK_UP, E | 0x48},
            {VK_DOWN, E | 0x50}, {VK_LEFT, E | 0x4B}, {VK_RIGHT, E | 0x4D}, {VK_PRINTSCREEN, E | 0x37},
            {VK_PAUSE, EvdevScancodes.PAUSE}, {VK_WINDOWS, E | 0x5B}, {VK_CONTEXT_MENU, E | 0x5D},
            {VK_ALT_GRAPH, E | 0x38}, {VK_LESS, 0x56},
        };
        for (int[] e : plain) {
            PLAIN.put(e[0], e[1]);
        }
        int[][] keypad = {
            {VK_ENTER, E | 0x1C}, {VK_INSERT, 0x52}, {VK_DELETE, 0x53}, {VK_HOME, 0x47}, {VK_END, 0x4F},
            {VK_PAGE_UP, 0x49}, {VK_PAGE_DOWN, 0x51}, {VK_UP, 0x48}, {VK_DOWN, 0x50}, {VK_LEFT, 0x4B},
            {VK_RIGHT, 0x4D}, {VK_BEGIN, 0x4C}, {VK_CLEAR, 0x4C}, {VK_EQUALS, 0x59},
        };
        for (int[] e : keypad) {
            KEYPAD.put(e[0], e[1]);
        }
        RIGHT.put(VK_CONTROL, E | 0x1D);
        RIGHT.put(VK_SHIFT, 0x36);
        RIGHT.put(VK_ALT, E | 0x38);
        RIGHT.put(VK_WINDOWS, E | 0x5C);
    }

    private VirtualKeyScancodes() {
    }

    /**
     * @param keyCode {@link java.awt.event.KeyEvent#getKeyCode()}
     * @param location {@link java.awt.event.KeyEvent#getKeyLocation()}
     * @return the set-1 make code, or 0 when the key has none
     */
    public static int toSet1(int keyCode, int location) {
        Integer code = switch (location) {
            case KEY_LOCATION_NUMPAD -> KEYPAD.get(keyCode);
            case KEY_LOCATION_RIGHT -> RIGHT.get(keyCode);
            default -> null;
        };
        if (code == null) {
            code = PLAIN.get(keyCode);
        }
        return code == null ? 0 : code;
    }
}
