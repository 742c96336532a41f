package org.svp.source.x11.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.MouseButtons;
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
        assertThat(KeyMap.keycode(0xE099)).isZero();
        assertThat(KeyMap.keycode(0x7F)).isZero();
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
