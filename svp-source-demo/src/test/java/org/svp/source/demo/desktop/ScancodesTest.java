package org.svp.source.demo.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScancodesTest {

    @Test
    void mapsUsLayoutWithShiftAndCapsLock() {
        assertThat(Scancodes.toChar(0x1E, false, false)).isEqualTo('a');
        assertThat(Scancodes.toChar(0x1E, true, false)).isEqualTo('A');
        assertThat(Scancodes.toChar(0x1E, false, true)).isEqualTo('A');
        assertThat(Scancodes.toChar(0x1E, true, true)).isEqualTo('a');
        assertThat(Scancodes.toChar(0x02, false, true)).isEqualTo('1');
        assertThat(Scancodes.toChar(0x02, true, false)).isEqualTo('!');
        assertThat(Scancodes.toChar(0x0B, false, false)).isEqualTo('0');
        assertThat(Scancodes.toChar(0x28, true, false)).isEqualTo('"');
        assertThat(Scancodes.toChar(0x2B, false, false)).isEqualTo('\\');
        assertThat(Scancodes.toChar(0x35, true, false)).isEqualTo('?');
        assertThat(Scancodes.toChar(0x32, false, false)).isEqualTo('m');
        assertThat(Scancodes.toChar(0x39, false, false)).isEqualTo(' ');
    }

    @Test
    void controlKeysAndExtendedCodes() {
        assertThat(Scancodes.toChar(0x0E, false, false)).isEqualTo('\b');
        assertThat(Scancodes.toChar(0x1C, false, false)).isEqualTo('\n');
        assertThat(Scancodes.toChar(0xE01C, false, false)).isEqualTo('\n');
        assertThat(Scancodes.toChar(0xE035, false, false)).isEqualTo('/');
        assertThat(Scancodes.toChar(0x2A, false, false)).isEqualTo(-1);
        assertThat(Scancodes.toChar(0x01, false, false)).isEqualTo(-1);
        assertThat(Scancodes.toChar(0xE048, false, false)).isEqualTo(-1);
        assertThat(Scancodes.toChar(0x3B, false, false)).isEqualTo(-1);
    }
}
