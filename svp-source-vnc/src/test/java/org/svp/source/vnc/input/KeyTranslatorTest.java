package org.svp.source.vnc.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.MouseButtons;
import org.svp.protocol.keyboard.EvdevScancodes;

/** Set-1 scancodes to keysyms (shift tracked) and to QEMU XT codes; SVP buttons to RFB masks. */
class KeyTranslatorTest {
    private final List<byte[]> sent = new ArrayList<>();
    private final KeyTranslator keys = new KeyTranslator();

    private String last() {
        ByteBuffer b = ByteBuffer.wrap(sent.getLast());
        int type = b.get() & 0xFF;
        if (type == 4) {
            int down = b.get();
            b.getShort();
            return "key " + down + " " + Integer.toHexString(b.getInt());
        }
        b.get();
        int down = b.getShort();
        return "qemu " + down + " " + Integer.toHexString(b.getInt()) + " " + Integer.toHexString(b.getInt());
    }

    @Test
    void lettersFollowShiftAndAReleaseSendsWhatItsPressSent() {
        keys.key(true, 0x1E, false, sent::add);
        assertThat(last()).isEqualTo("key 1 61"); // a
        keys.key(false, 0x1E, false, sent::add);
        keys.key(true, 0x2A, false, sent::add);
        assertThat(last()).isEqualTo("key 1 ffe1"); // Shift_L
        keys.key(true, 0x02, false, sent::add);
        assertThat(last()).isEqualTo("key 1 21"); // !
        keys.key(false, 0x2A, false, sent::add);
        keys.key(false, 0x02, false, sent::add);
        assertThat(last()).as("released after Shift: still the keysym pressed").isEqualTo("key 0 21");
    }

    @Test
    void specialKeysAndBreakCodes() {
        keys.key(true, 0xE048, false, sent::add);
        assertThat(last()).isEqualTo("key 1 ff52"); // Up
        keys.key(false, 0xE0C8, false, sent::add);
        assertThat(last()).as("a break code names the same key").isEqualTo("key 0 ff52");
        keys.key(true, 0x3B, false, sent::add);
        assertThat(last()).isEqualTo("key 1 ffbe"); // F1
        keys.key(true, EvdevScancodes.PAUSE, false, sent::add);
        assertThat(last()).isEqualTo("key 1 ff13");
        int before = sent.size();
        keys.key(true, 0x7F, false, sent::add);
        assertThat(sent).as("a key without keysym sends nothing").hasSize(before);
    }

    @Test
    void qemuExtendedKeysCarryTheXtCode() {
        keys.key(true, 0x1E, true, sent::add);
        assertThat(last()).isEqualTo("qemu 1 61 1e");
        keys.key(true, 0xE01D, true, sent::add);
        assertThat(last()).isEqualTo("qemu 1 ffe4 9d"); // right Ctrl: 0x80 | 0x1D
        keys.key(true, EvdevScancodes.PAUSE, true, sent::add);
        assertThat(last()).isEqualTo("qemu 1 ff13 c6");
    }

    @Test
    void pointerButtonsAndWheelClicks() {
        PointerTranslator.pointer(5000, -3, MouseButtons.LEFT | MouseButtons.RIGHT | MouseButtons.WHEEL_DOWN, 800, 600, sent::add);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(0)).containsExactly(5, 5, 0x03, 0x1F, 0, 0); // left|right = 1|4, clamped to 799,0
        assertThat(sent.get(1)[1]).isEqualTo((byte) (5 | 16));
        assertThat(sent.get(2)[1]).isEqualTo((byte) 5);
    }
}
