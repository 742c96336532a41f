package org.svp.client.swing.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every key of a 104-key US keyboard (plus the 102nd key of ISO boards): its Linux evdev code
 * ({@code linux/input-event-codes.h}) and the PC/AT set-1 make code from the standard table (IBM PC/AT
 * technical reference; Microsoft "Keyboard Scan Code Specification"), written here independently of the
 * table under test.
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
    }

    @ParameterizedTest
    @CsvSource({"0", "84", "101", "241", "-5", "100000"})
    void codesWithoutAKeyMapToZero(int evdev) {
        assertThat(EvdevScancodes.toSet1(evdev)).isZero();
    }
}
