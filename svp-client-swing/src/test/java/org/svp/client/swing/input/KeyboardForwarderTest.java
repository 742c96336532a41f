package org.svp.client.swing.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.event.FocusEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JPanel;
import org.junit.jupiter.api.Test;

/** Held keys, auto-repeat, focus loss and the local shortcuts (virtual-key mapping, as in a headless JVM). */
class KeyboardForwarderTest {
    private final JPanel source = new JPanel();
    private final List<String> sent = new ArrayList<>();
    private int statusToggles;
    private final KeyboardForwarder forwarder = new KeyboardForwarder(new PhysicalKeys(),
            (down, code) -> sent.add((down ? "+" : "-") + Integer.toHexString(code)), () -> statusToggles++, () -> { });

    private KeyEvent key(int id, int vk, int mods, int location) {
        return new KeyEvent(source, id, 0, mods, vk, KeyEvent.CHAR_UNDEFINED, location);
    }

    @Test
    void autoRepeatSendsMakeCodesThenOneBreak() {
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_A, 0, KeyEvent.KEY_LOCATION_STANDARD));
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_A, 0, KeyEvent.KEY_LOCATION_STANDARD));
        forwarder.keyReleased(key(KeyEvent.KEY_RELEASED, KeyEvent.VK_A, 0, KeyEvent.KEY_LOCATION_STANDARD));
        assertThat(sent).containsExactly("+1e", "+1e", "-1e");
    }

    @Test
    void focusLossReleasesEveryHeldKeyNewestFirst() {
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_ALT, 0, KeyEvent.KEY_LOCATION_LEFT));
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_RIGHT, InputEvent.ALT_DOWN_MASK,
                KeyEvent.KEY_LOCATION_STANDARD));
        forwarder.focusLost(new FocusEvent(source, FocusEvent.FOCUS_LOST));
        assertThat(sent).containsExactly("+38", "+e04d", "-e04d", "-38");
        sent.clear();
        forwarder.focusLost(new FocusEvent(source, FocusEvent.FOCUS_LOST));
        assertThat(sent).isEmpty();
    }

    @Test
    void ctrlAltEndSendsDeleteAndReleasesDelete() {
        int mods = InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK;
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_END, mods, KeyEvent.KEY_LOCATION_STANDARD));
        forwarder.keyReleased(key(KeyEvent.KEY_RELEASED, KeyEvent.VK_END, 0, KeyEvent.KEY_LOCATION_STANDARD));
        assertThat(sent).containsExactly("+e053", "-e053");
    }

    @Test
    void menuCtrlAltDelIsTheFullSequence() {
        forwarder.sendCtrlAltDel();
        assertThat(sent).containsExactly("+1d", "+38", "+e053", "-e053", "-38", "-1d");
    }

    @Test
    void ctrlAltShiftSTogglesTheStatusLineAndIsNotForwarded() {
        int mods = InputEvent.CTRL_DOWN_MASK | InputEvent.ALT_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK;
        forwarder.keyPressed(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_S, mods, KeyEvent.KEY_LOCATION_STANDARD));
        forwarder.keyReleased(key(KeyEvent.KEY_RELEASED, KeyEvent.VK_S, mods, KeyEvent.KEY_LOCATION_STANDARD));
        assertThat(statusToggles).isEqualTo(1);
        assertThat(sent).isEmpty();
    }
}
