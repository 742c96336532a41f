package org.svp.source.x11.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.keyboard.EvdevScancodes;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import org.svp.protocol.message.MouseEvent;

class KeyMapTest {
    @Test
    void setOneCodesMapToEvdevKeycodes() {
        assertThat(KeyMap.keycode(0x10)).isEqualTo(24); // q (xmodmap -pke on Xvfb: keycode 24 = q)
        assertThat(KeyMap.keycode(UsKeyboardLayout.ENTER)).isEqualTo(36);
        assertThat(KeyMap.keycode(UsKeyboardLayout.LEFT_SHIFT)).isEqualTo(50);
        assertThat(KeyMap.keycode(0xE048)).isEqualTo(111); // Up
        assertThat(KeyMap.keycode(0xE053)).isEqualTo(119); // Delete
        assertThat(KeyMap.keycode(0xE075)).isZero(); // Help: no key in the table (0xE099 is the break of Next track)
        assertThat(KeyMap.keycode(0x7F)).isZero();
    }

    /** Keys the viewer sends that this map once dropped; X key codes as Xvfb's evdev keymap names them. */
    @Test
    void japaneseBrazilianAndMediaKeysHaveXKeycodes() {
        assertThat(KeyMap.keycode(0x73)).isEqualTo(97); // <AB11> Ro, ABNT2 /?
        assertThat(KeyMap.keycode(0x7D)).isEqualTo(132); // <AE13> Yen
        assertThat(KeyMap.keycode(0x70)).isEqualTo(101); // <HKTG> Katakana/Hiragana
        assertThat(KeyMap.keycode(0x79)).isEqualTo(100); // <HENK> Henkan
        assertThat(KeyMap.keycode(0x7B)).isEqualTo(102); // <MUHE> Muhenkan
        assertThat(KeyMap.keycode(0x7E)).isEqualTo(129); // <KPDC> ABNT2 keypad .
        assertThat(KeyMap.keycode(0xE020)).isEqualTo(121); // <MUTE>
        assertThat(KeyMap.keycode(0xE030)).isEqualTo(123); // <VOL+>
        assertThat(KeyMap.keycode(0xE06A)).isEqualTo(166); // <I166> XF86Back
        assertThat(KeyMap.keycode(EvdevScancodes.PAUSE)).isEqualTo(127); // <PAUS>
    }

    @Test
    void everySetOneCodeIsItsEvdevCodePlusEight() {
        int mapped = 0;
        for (int b = 1; b < 0x80; b++) {
            for (int set1 : new int[] {b, EvdevScancodes.EXTENDED | b}) {
                int evdev = EvdevScancodes.toEvdev(set1);
                assertThat(KeyMap.keycode(set1)).as("%X", set1).isEqualTo(evdev == 0 ? 0 : evdev + 8);
                assertThat(KeyMap.keycode(set1 | 0x80)).as("break code of %X", set1).isEqualTo(KeyMap.keycode(set1));
                mapped += evdev == 0 ? 0 : 1;
            }
        }
        assertThat(mapped).isGreaterThan(130);
    }

    @Test
    void buttonsChangeAndWheelClicks() {
        List<String> done = new ArrayList<>();
        PointerState.Actions log = new PointerState.Actions() {
            @Override
            public void move(int x, int y) {
                done.add("move " + x + "," + y);
            }

            @Override
            public void button(int b, boolean down) {
                done.add((down ? "press " : "release ") + b);
            }
        };
        PointerState p = new PointerState();
        p.apply(new MouseEvent(5, 6, MouseButtons.LEFT), log);
        p.apply(new MouseEvent(5, 6, MouseButtons.LEFT | MouseButtons.WHEEL_DOWN), log);
        p.apply(new MouseEvent(5, 6, MouseButtons.RIGHT), log);
        assertThat(done).containsExactly("move 5,6", "press 1", "press 5", "release 5", "release 1", "press 3");
    }
}
