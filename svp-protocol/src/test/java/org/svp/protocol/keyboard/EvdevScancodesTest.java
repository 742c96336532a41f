package org.svp.protocol.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every key of a 104-key US keyboard (plus the 102nd key of ISO boards): its Linux evdev code
 * ({@code linux/input-event-codes.h}) and the PC/AT set-1 make code from the standard table (IBM PC/AT
 * technical reference; Microsoft "Keyboard Scan Code Specification"), written here independently of the
 * table under test; then the table both ways (every entry round-trips) and the keys of other layouts
 * that the X11 source once dropped (Japanese, Brazilian, E0 media keys).
 */
class EvdevScancodesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Esc,1,01", "F1,59,3B", "F2,60,3C", "F3,61,3D", "F4,62,3E", "F5,63,3F", "F6,64,40", "F7,65,41",
        "F8,66,42", "F9,67,43", "F10,68,44", "F11,87,57", "F12,88,58", "PrintScreen,99,E037",
        "ScrollLock,70,46", "Pause,119,E11D45",
        "Grave,41,29", "1,2,02", "2,3,03", "3,4,04", "4,5,05", "5,6,06", "6,7,07", "7,8,08", "8,9,09",
        "9,10,0A", "0,11,0B", "Minus,12,0C", "Equal,13,0D", "Backspace,14,0E",
        "Tab,15,0F", "Q,16,10", "W,17,11", "E,18,12", "R,19,13", "T,20,14", "Y,21,15", "U,22,16", "I,23,17",
        "O,24,18", "P,25,19", "LeftBracket,26,1A", "RightBracket,27,1B", "Backslash,43,2B",
        "CapsLock,58,3A", "A,30,1E", "S,31,1F", "D,32,20", "F,33,21", "G,34,22", "H,35,23", "J,36,24",
        "K,37,25", "L,38,26", "Semicolon,39,27", "Apostrophe,40,28", "Enter,28,1C",
        "LeftShift,42,2A", "Z,44,2C", "X,45,2D", "C,46,2E", "V,47,2F", "B,48,30", "N,49,31", "M,50,32",
        "Comma,51,33", "Dot,52,34", "Slash,53,35", "RightShift,54,36",
        "LeftCtrl,29,1D", "LeftMeta,125,E05B", "LeftAlt,56,38", "Space,57,39", "RightAlt,100,E038",
        "RightMeta,126,E05C", "Menu,127,E05D", "RightCtrl,97,E01D",
        "Insert,110,E052", "Home,102,E047", "PageUp,104,E049", "Delete,111,E053", "End,107,E04F",
        "PageDown,109,E051", "Up,103,E048", "Left,105,E04B", "Down,108,E050", "Right,106,E04D",
        "NumLock,69,45", "KpSlash,98,E035", "KpAsterisk,55,37", "KpMinus,74,4A", "Kp7,71,47", "Kp8,72,48",
        "Kp9,73,49", "KpPlus,78,4E", "Kp4,75,4B", "Kp5,76,4C", "Kp6,77,4D", "Kp1,79,4F", "Kp2,80,50",
        "Kp3,81,51", "KpEnter,96,E01C", "Kp0,82,52", "KpDot,83,53",
        "Iso102nd,86,56",
    })
    void everyKeyMapsToItsStandardSet1Code(String key, int evdev, String set1Hex) {
        int expected = Integer.parseInt(set1Hex, 16);
        assertThat(EvdevScancodes.toSet1(evdev)).as(key).isEqualTo(expected);
        assertThat(EvdevScancodes.fromX11Keycode(evdev + 8)).as(key + " as X key code").isEqualTo(expected);
        assertThat(EvdevScancodes.toEvdev(expected)).as(key + " back to evdev").isEqualTo(evdev);
        assertThat(EvdevScancodes.toX11Keycode(expected)).as(key + " back to X").isEqualTo(evdev + 8);
    }

    /** Japanese, Brazilian (ABNT2) and multimedia keyboards: evdev code, set-1 code (keycodemapdb). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Zenkaku/Hankaku,85,76", "Ro (ABNT2 /?),89,73", "Katakana,90,78", "Hiragana,91,77", "Henkan,92,79",
        "Katakana/Hiragana,93,70", "Muhenkan,94,7B", "KpJpComma,95,5C", "KpEqual,117,59",
        "KpComma (ABNT2 keypad .),121,7E", "Yen,124,7D",
        "Mute,113,E020", "VolumeDown,114,E02E", "VolumeUp,115,E030", "Power,116,E05E",
        "NextSong,163,E019", "PlayPause,164,E022", "PreviousSong,165,E010", "StopCD,166,E024",
        "Mail,155,E06C", "Calculator,140,E021", "Computer,157,E06B", "Sleep,142,E05F", "Wake,143,E063",
        "BrowserBack,158,E06A", "BrowserForward,159,E069", "BrowserHome,172,E032", "BrowserRefresh,173,E067",
        "BrowserSearch,217,E065", "BrowserFavorites,156,E066", "BrowserStop,128,E068", "MediaSelect,226,E06D",
    })
    void otherLayoutsAndMediaKeysMapBothWays(String key, int evdev, String set1Hex) {
        int set1 = Integer.parseInt(set1Hex, 16);
        assertThat(EvdevScancodes.toSet1(evdev)).as(key).isEqualTo(set1);
        assertThat(EvdevScancodes.toEvdev(set1)).as(key).isEqualTo(evdev);
        assertThat(EvdevScancodes.toX11Keycode(set1)).as(key + " as X key code").isEqualTo(evdev + 8);
    }

    @Test
    void everyEntryRoundTripsBothWays() {
        List<Integer> evdevCodes = new ArrayList<>();
        for (int evdev = 0; evdev <= 300; evdev++) {
            int set1 = EvdevScancodes.toSet1(evdev);
            if (set1 != 0) {
                evdevCodes.add(evdev);
                assertThat(EvdevScancodes.toEvdev(set1)).as("evdev %d -> set-1 %X -> evdev", evdev, set1)
                        .isEqualTo(evdev);
            }
        }
        List<Integer> set1Codes = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>(List.of(EvdevScancodes.PAUSE));
        for (int b = 0; b < 0x100; b++) {
            candidates.add(b);
            candidates.add(EvdevScancodes.EXTENDED | b);
        }
        for (int set1 : candidates) {
            int evdev = EvdevScancodes.toEvdev(set1);
            if (evdev != 0) {
                set1Codes.add(set1);
                assertThat(EvdevScancodes.toSet1(evdev)).as("set-1 %X -> evdev %d -> set-1", set1, evdev)
                        .isEqualTo(set1);
                assertThat(EvdevScancodes.toX11Keycode(set1)).isEqualTo(evdev + EvdevScancodes.X11_KEYCODE_OFFSET);
            }
        }
        assertThat(set1Codes).hasSameSizeAs(evdevCodes).hasSizeGreaterThan(130);
    }

    @ParameterizedTest
    @CsvSource({"0", "54", "80", "F0", "E000", "E099", "E0F0", "E11D", "1E11D45", "FFFFFFFF"})
    void setOneCodesWithoutAKeyMapToZero(String set1Hex) {
        int set1 = Integer.parseUnsignedInt(set1Hex, 16);
        assertThat(EvdevScancodes.toEvdev(set1)).isZero();
        assertThat(EvdevScancodes.toX11Keycode(set1)).isZero();
    }

    @ParameterizedTest
    @CsvSource({"0", "84", "101", "241", "-5", "100000"})
    void codesWithoutAKeyMapToZero(int evdev) {
        assertThat(EvdevScancodes.toSet1(evdev)).isZero();
    }
}
