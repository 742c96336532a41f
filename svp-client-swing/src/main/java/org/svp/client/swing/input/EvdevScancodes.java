package org.svp.client.swing.input;

/**
 * Linux evdev key codes ({@code linux/input-event-codes.h}, {@code KEY_*}) to PC/AT set-1 make codes
 * (protocol.md §7: extended keys as {@code 0xE000 | code}). On X11 with the usual XKB "evdev" key
 * codes, an X key code is the evdev code + 8, so this table names the physical key whatever layout the
 * local user has. Codes 1–83 are the same numbers in both (the evdev numbering was taken from set 1);
 * the rest is listed key by key. Pause, the one key whose make sequence has the E1 prefix, is sent
 * packed as {@link #PAUSE}. Immutable; any thread.
 */
public final class EvdevScancodes {
    /** Pause/Break: the make sequence E1 1D 45 packed into one value (no break code exists). */
    public static final int PAUSE = 0xE11D45;
    /** Marks an extended (E0-prefixed) make code. */
    public static final int EXTENDED = 0xE000;
    /** Highest evdev code in the table. */
    private static final int MAX_EVDEV = 240;

    private static final int[] TABLE = new int[MAX_EVDEV + 1];

    static {
        for (int code = 1; code <= 83; code++) {
            TABLE[code] = code; // Esc .. keypad '.': identical numbering
        }
        int[][] rest = {
            {85, 0x76}, {86, 0x56}, {87, 0x57}, {88, 0x58}, {89, 0x73}, {90, 0x78}, {91, 0x77}, {92, 0x79},
            {93, 0x70}, {94, 0x7B}, {95, 0x5C},
            {96, EXTENDED | 0x1C}, {97, EXTENDED | 0x1D}, {98, EXTENDED | 0x35}, {99, EXTENDED | 0x37},
            {100, EXTENDED | 0x38}, {102, EXTENDED | 0x47}, {103, EXTENDED | 0x48}, {104, EXTENDED | 0x49},
            {105, EXTENDED | 0x4B}, {106, EXTENDED | 0x4D}, {107, EXTENDED | 0x4F}, {108, EXTENDED | 0x50},
            {109, EXTENDED | 0x51}, {110, EXTENDED | 0x52}, {111, EXTENDED | 0x53},
            {113, EXTENDED | 0x20}, {114, EXTENDED | 0x2E}, {115, EXTENDED | 0x30}, {116, EXTENDED | 0x5E},
            {117, 0x59}, {119, PAUSE}, {121, 0x7E}, {124, 0x7D},
            {125, EXTENDED | 0x5B}, {126, EXTENDED | 0x5C}, {127, EXTENDED | 0x5D},
            {128, EXTENDED | 0x68}, {140, EXTENDED | 0x21}, {142, EXTENDED | 0x5F}, {143, EXTENDED | 0x63},
            {155, EXTENDED | 0x6C}, {156, EXTENDED | 0x66}, {157, EXTENDED | 0x6B}, {158, EXTENDED | 0x6A},
            {159, EXTENDED | 0x69}, {163, EXTENDED | 0x19}, {164, EXTENDED | 0x22}, {165, EXTENDED | 0x10},
            {166, EXTENDED | 0x24}, {172, EXTENDED | 0x32}, {173, EXTENDED | 0x67}, {217, EXTENDED | 0x65},
            {226, EXTENDED | 0x6D},
        };
        for (int[] e : rest) {
            TABLE[e[0]] = e[1];
        }
    }

    private EvdevScancodes() {
    }

    /**
     * @param evdev a Linux {@code KEY_*} code
     * @return its set-1 make code, or 0 for keys without one
     */
    public static int toSet1(int evdev) {
        return evdev > 0 && evdev <= MAX_EVDEV ? TABLE[evdev] : 0;
    }

    /**
     * @param x11Keycode an X key code of a server using XKB "evdev" key codes
     * @return its set-1 make code, or 0 for keys without one
     */
    public static int fromX11Keycode(int x11Keycode) {
        return toSet1(x11Keycode - 8);
    }
}
