package org.svp.protocol.keyboard;

/**
 * The one table between Linux evdev key codes ({@code linux/input-event-codes.h}, {@code KEY_*}) and
 * PC/AT set-1 make codes (protocol.md §7: extended keys as {@code 0xE000 | code}), used both ways: the
 * viewer turns the physical key under the user's finger into set 1 ({@link #toSet1}), the X11 source
 * turns set 1 back into an X key code ({@link #toEvdev} + {@link #X11_KEYCODE_OFFSET}). On X servers
 * with the usual XKB "evdev" key codes (Xorg, Xwayland, Xvfb, Xvnc on Linux; {@code xmodmap -pke}:
 * keycode 24 is "q") an X key code is the evdev code + 8. Codes 1–83 are the same numbers in both (the
 * evdev numbering was taken from set 1); the rest is listed key by key. Pause, the one key whose make
 * sequence has the E1 prefix, is packed as {@link #PAUSE}. Immutable; any thread.
 */
public final class EvdevScancodes {
    /** Pause/Break: the make sequence E1 1D 45 packed into one value (no break code exists). */
    public static final int PAUSE = 0xE11D45;
    /** Marks an extended (E0-prefixed) make code. */
    public static final int EXTENDED = 0xE000;
    /** X key code = evdev code + this, on servers with XKB "evdev" key codes. */
    public static final int X11_KEYCODE_OFFSET = 8;
    /** Highest evdev code in the table. */
    private static final int MAX_EVDEV = 240;
    /** Evdev codes 1..this are numbered as their set-1 code. */
    private static final int LAST_IDENTICAL = 83;

    /** Pairs {evdev code, set-1 make code} beyond the identical range. */
    private static final int[][] LISTED = {
        {85, 0x76}, // Zenkaku/Hankaku
        {86, 0x56}, // ISO 102nd key (between left Shift and Z)
        {87, 0x57}, {88, 0x58}, // F11, F12
        {89, 0x73}, // Ro (Japanese; Brazilian /?)
        {90, 0x78}, {91, 0x77}, // Katakana, Hiragana
        {92, 0x79}, // Henkan
        {93, 0x70}, // Katakana/Hiragana
        {94, 0x7B}, // Muhenkan
        {95, 0x5C}, // keypad Japanese comma
        {96, EXTENDED | 0x1C}, {97, EXTENDED | 0x1D}, {98, EXTENDED | 0x35}, // keypad Enter, right Ctrl, keypad /
        {99, EXTENDED | 0x37}, {100, EXTENDED | 0x38}, // Print Screen, right Alt (AltGr)
        {102, EXTENDED | 0x47}, {103, EXTENDED | 0x48}, {104, EXTENDED | 0x49}, // Home, Up, Page Up
        {105, EXTENDED | 0x4B}, {106, EXTENDED | 0x4D}, {107, EXTENDED | 0x4F}, // Left, Right, End
        {108, EXTENDED | 0x50}, {109, EXTENDED | 0x51}, // Down, Page Down
        {110, EXTENDED | 0x52}, {111, EXTENDED | 0x53}, // Insert, Delete
        {113, EXTENDED | 0x20}, {114, EXTENDED | 0x2E}, {115, EXTENDED | 0x30}, // Mute, Volume -, Volume +
        {116, EXTENDED | 0x5E}, // Power
        {117, 0x59}, // keypad =
        {119, PAUSE},
        {121, 0x7E}, // keypad comma (Brazilian keypad .)
        {124, 0x7D}, // Yen
        {125, EXTENDED | 0x5B}, {126, EXTENDED | 0x5C}, {127, EXTENDED | 0x5D}, // Windows left/right, Menu
        {128, EXTENDED | 0x68}, // Stop
        {140, EXTENDED | 0x21}, // Calculator
        {142, EXTENDED | 0x5F}, {143, EXTENDED | 0x63}, // Sleep, Wake
        {155, EXTENDED | 0x6C}, // Mail
        {156, EXTENDED | 0x66}, {157, EXTENDED | 0x6B}, // Bookmarks, My Computer
        {158, EXTENDED | 0x6A}, {159, EXTENDED | 0x69}, // browser Back, Forward
        {163, EXTENDED | 0x19}, {164, EXTENDED | 0x22}, // Next track, Play/Pause
        {165, EXTENDED | 0x10}, {166, EXTENDED | 0x24}, // Previous track, Stop (media)
        {172, EXTENDED | 0x32}, {173, EXTENDED | 0x67}, // browser Home, Refresh
        {217, EXTENDED | 0x65}, // browser Search
        {226, EXTENDED | 0x6D}, // Media select
    };

    /** Indexed by evdev code. */
    private static final int[] TO_SET1 = new int[MAX_EVDEV + 1];
    /** Indexed by the low byte: plain make codes. */
    private static final int[] PLAIN_TO_EVDEV = new int[0x80];
    /** Indexed by the byte after E0. */
    private static final int[] EXTENDED_TO_EVDEV = new int[0x80];
    /** The evdev code of {@link #PAUSE}. */
    private static final int PAUSE_EVDEV;

    static {
        for (int code = 1; code <= LAST_IDENTICAL; code++) {
            TO_SET1[code] = code;
        }
        int pause = 0;
        for (int[] e : LISTED) {
            TO_SET1[e[0]] = e[1];
        }
        for (int evdev = 1; evdev <= MAX_EVDEV; evdev++) {
            int set1 = TO_SET1[evdev];
            if (set1 == PAUSE) {
                pause = evdev;
            } else if ((set1 & 0xFF00) == EXTENDED) {
                EXTENDED_TO_EVDEV[set1 & 0x7F] = evdev;
            } else if (set1 != 0) {
                PLAIN_TO_EVDEV[set1] = evdev;
            }
        }
        PAUSE_EVDEV = pause;
    }

    private EvdevScancodes() {
    }

    /**
     * @param evdev a Linux {@code KEY_*} code
     * @return its set-1 make code, or 0 for keys without one
     */
    public static int toSet1(int evdev) {
        return evdev > 0 && evdev <= MAX_EVDEV ? TO_SET1[evdev] : 0;
    }

    /**
     * @param set1 a set-1 make code: {@code 0x01..0x7F}, {@code 0xE000 | code}, or {@link #PAUSE}
     * @return its Linux {@code KEY_*} code, or 0 if no key has that code
     */
    public static int toEvdev(int set1) {
        if (set1 == PAUSE) {
            return PAUSE_EVDEV;
        }
        if ((set1 & ~0x7F) == EXTENDED) {
            return EXTENDED_TO_EVDEV[set1 & 0x7F];
        }
        return set1 > 0 && set1 < 0x80 ? PLAIN_TO_EVDEV[set1] : 0;
    }

    /**
     * @param x11Keycode an X key code of a server using XKB "evdev" key codes
     * @return its set-1 make code, or 0 for keys without one
     */
    public static int fromX11Keycode(int x11Keycode) {
        return toSet1(x11Keycode - X11_KEYCODE_OFFSET);
    }

    /**
     * @param set1 a set-1 make code as {@link #toEvdev} takes it
     * @return the X key code on a server using XKB "evdev" key codes, or 0 if no key has that code
     */
    public static int toX11Keycode(int set1) {
        int evdev = toEvdev(set1);
        return evdev == 0 ? 0 : evdev + X11_KEYCODE_OFFSET;
    }
}
