package org.svp.client.swing.input;

import java.awt.event.FocusEvent;
import java.awt.event.FocusListener;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.keyboard.EvdevScancodes;

/**
 * Sends the viewer's key events to the server as set-1 scancodes of the physical keys. A key held down
 * sends a make code for every auto-repeat, as a PC keyboard does. Keys still held when the window loses
 * focus are released, so the guest never sees a stuck Alt after Alt+Tab. The local shortcuts are
 * Ctrl+Alt+End (sends Ctrl+Alt+Del), Ctrl+Alt+Shift+S (status line) and Ctrl+Alt+Shift+F (full
 * screen); they are not forwarded. Listener on the canvas; EDT only.
 */
public final class KeyboardForwarder implements KeyListener, FocusListener {
    /** Set-1 codes used for Ctrl+Alt+Del. */
    static final int LEFT_CTRL = 0x1D;
    static final int LEFT_ALT = 0x38;
    static final int DELETE = EvdevScancodes.EXTENDED | 0x53;

    private final PhysicalKeys keys;
    private final KeySink sink;
    private final Runnable toggleStatus;
    private final Runnable toggleFullScreen;
    /** Physical key → code sent for it (End is sent as Delete while Ctrl+Alt are held). */
    private final Map<Integer, Integer> held = new LinkedHashMap<>();

    /**
     * @param keys finds the physical key
     * @param sink where scancodes go
     * @param toggleStatus run for Ctrl+Alt+Shift+S
     * @param toggleFullScreen run for Ctrl+Alt+Shift+F
     */
    public KeyboardForwarder(PhysicalKeys keys, KeySink sink, Runnable toggleStatus, Runnable toggleFullScreen) {
        this.keys = keys;
        this.sink = sink;
        this.toggleStatus = toggleStatus;
        this.toggleFullScreen = toggleFullScreen;
    }

    @Override
    public void keyPressed(KeyEvent e) {
        e.consume();
        int code = keys.scancode(e);
        if (code == 0) {
            return;
        }
        int mods = e.getModifiersEx();
        boolean ctrlAlt = (mods & InputEvent.CTRL_DOWN_MASK) != 0 && (mods & InputEvent.ALT_DOWN_MASK) != 0;
        if (ctrlAlt && (mods & InputEvent.SHIFT_DOWN_MASK) != 0) {
            if (e.getKeyCode() == KeyEvent.VK_S) {
                toggleStatus.run();
                return;
            }
            if (e.getKeyCode() == KeyEvent.VK_F) {
                toggleFullScreen.run();
                return;
            }
        }
        int sent = held.getOrDefault(code, ctrlAlt && e.getKeyCode() == KeyEvent.VK_END ? DELETE : code);
        held.put(code, sent);
        sink.key(true, sent);
    }

    @Override
    public void keyReleased(KeyEvent e) {
        e.consume();
        int code = keys.scancode(e);
        Integer sent = held.remove(code);
        if (sent != null) {
            sink.key(false, sent);
        }
    }

    @Override
    public void keyTyped(KeyEvent e) {
        e.consume();
    }

    @Override
    public void focusGained(FocusEvent e) {
        // nothing: keys pressed elsewhere are not ours
    }

    @Override
    public void focusLost(FocusEvent e) {
        releaseAll();
    }

    /** Releases every key the server believes is held, newest first. */
    public void releaseAll() {
        List<Integer> codes = List.copyOf(held.values()).reversed();
        held.clear();
        for (int code : codes) {
            sink.key(false, code);
        }
    }

    /** Sends Ctrl+Alt+Del (menu item), then releases the three keys. */
    public void sendCtrlAltDel() {
        sink.key(true, LEFT_CTRL);
        sink.key(true, LEFT_ALT);
        sink.key(true, DELETE);
        sink.key(false, DELETE);
        sink.key(false, LEFT_ALT);
        sink.key(false, LEFT_CTRL);
    }
}
