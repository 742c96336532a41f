package org.svp.client.swing.input;

import static java.awt.event.KeyEvent.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fallback mapping from Java virtual keys and locations, for keys whose place is unambiguous. */
class VirtualKeyScancodesTest {

    @Test
    void lettersDigitsAndPunctuationUseTheUsPositions() {
        assertThat(VirtualKeyScancodes.toSet1(VK_H, KEY_LOCATION_STANDARD)).isEqualTo(0x23);
        assertThat(VirtualKeyScancodes.toSet1(VK_1, KEY_LOCATION_STANDARD)).isEqualTo(0x02);
        assertThat(VirtualKeyScancodes.toSet1(VK_SLASH, KEY_LOCATION_STANDARD)).isEqualTo(0x35);
    }

    @Test
    void locationSeparatesLeftRightAndKeypadCopies() {
        assertThat(VirtualKeyScancodes.toSet1(VK_CONTROL, KEY_LOCATION_LEFT)).isEqualTo(0x1D);
        assertThat(VirtualKeyScancodes.toSet1(VK_CONTROL, KEY_LOCATION_RIGHT)).isEqualTo(0xE01D);
        assertThat(VirtualKeyScancodes.toSet1(VK_ALT, KEY_LOCATION_RIGHT)).isEqualTo(0xE038);
        assertThat(VirtualKeyScancodes.toSet1(VK_SHIFT, KEY_LOCATION_RIGHT)).isEqualTo(0x36);
        assertThat(VirtualKeyScancodes.toSet1(VK_WINDOWS, KEY_LOCATION_LEFT)).isEqualTo(0xE05B);
        assertThat(VirtualKeyScancodes.toSet1(VK_ENTER, KEY_LOCATION_STANDARD)).isEqualTo(0x1C);
        assertThat(VirtualKeyScancodes.toSet1(VK_ENTER, KEY_LOCATION_NUMPAD)).isEqualTo(0xE01C);
        assertThat(VirtualKeyScancodes.toSet1(VK_HOME, KEY_LOCATION_STANDARD)).isEqualTo(0xE047);
        assertThat(VirtualKeyScancodes.toSet1(VK_HOME, KEY_LOCATION_NUMPAD)).isEqualTo(0x47);
        assertThat(VirtualKeyScancodes.toSet1(VK_NUMPAD5, KEY_LOCATION_NUMPAD)).isEqualTo(0x4C);
        assertThat(VirtualKeyScancodes.toSet1(VK_DIVIDE, KEY_LOCATION_NUMPAD)).isEqualTo(0xE035);
    }

    @Test
    void unknownKeysMapToZero() {
        assertThat(VirtualKeyScancodes.toSet1(VK_UNDEFINED, KEY_LOCATION_UNKNOWN)).isZero();
    }
}
