package org.svp.client.swing.input;

import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.keyboard.EvdevScancodes;

/**
 * Finds the physical key of an AWT key event and returns its PC/AT set-1 make code, so that the guest's
 * own keyboard layout decides what the key types (docs/viewer.md, "Keyboard").
 *
 * <ul>
 *   <li>X11 (Linux, BSD): AWT keeps the X key code in the private field {@code KeyEvent.rawCode};
 *       with XKB "evdev" key codes it is the Linux evdev code + 8 ({@link EvdevScancodes}). Reading
 *       the field needs {@code --add-opens java.desktop/java.awt.event=ALL-UNNAMED} (the {@code svp}
 *       launcher and the jar's manifest set it).</li>
 *   <li>Windows: AWT keeps the hardware scan code (set 1, without the E0 prefix) in the private field
 *       {@code KeyEvent.scancode}; the E0 prefix is taken from the virtual key and its location.</li>
 *   <li>Anything else, or when the fields cannot be read (synthetic events, a closed module):
 *       {@link VirtualKeyScancodes}, the US position of the Java virtual key.</li>
 * </ul>
 *
 * Called on the EDT.
 */
public final class PhysicalKeys {
    private static final Logger LOG = LoggerFactory.getLogger(PhysicalKeys.class);

    /** Where the physical key comes from on this platform. */
    public enum Source {
        /** X key code in {@code rawCode}. */
        X11_KEYCODE,
        /** Hardware scan code in {@code scancode}. */
        WINDOWS_SCANCODE,
        /** Java virtual key code and location only. */
        VIRTUAL_KEY
    }

    private final Source source;
    private final VarHandle field;

    /** Picks the source for the running toolkit (logs once when it has to fall back). */
    public PhysicalKeys() {
        String toolkit = Toolkit.getDefaultToolkit().getClass().getName();
        Source wanted = toolkit.endsWith("XToolkit") ? Source.X11_KEYCODE
                : toolkit.endsWith("WToolkit") ? Source.WINDOWS_SCANCODE : Source.VIRTUAL_KEY;
        VarHandle h = null;
        if (wanted != Source.VIRTUAL_KEY) {
            String name = wanted == Source.X11_KEYCODE ? "rawCode" : "scancode";
            try {
                h = MethodHandles.privateLookupIn(KeyEvent.class, MethodHandles.lookup())
                        .findVarHandle(KeyEvent.class, name, long.class);
            } catch (ReflectiveOperationException | IllegalAccessError | SecurityException e) {
                LOG.warn("cannot read KeyEvent.{} ({}); keys are mapped from Java key codes as on a US keyboard."
                        + " Run with --add-opens java.desktop/java.awt.event=ALL-UNNAMED", name, e.toString());
                wanted = Source.VIRTUAL_KEY;
            }
        }
        this.source = wanted;
        this.field = h;
    }

    /** @return where physical keys come from here */
    public Source source() {
        return source;
    }

    /**
     * @param e a KEY_PRESSED or KEY_RELEASED event
     * @return the set-1 make code ({@code 0xE000 | code} for extended keys), or 0 for a key without one
     */
    public int scancode(KeyEvent e) {
        int fallback = VirtualKeyScancodes.toSet1(e.getKeyCode(), e.getKeyLocation());
        long raw = field == null ? 0 : (long) field.get(e);
        if (raw <= 0) {
            return fallback;
        }
        if (source == Source.X11_KEYCODE) {
            int code = EvdevScancodes.fromX11Keycode((int) raw);
            return code != 0 ? code : fallback;
        }
        int base = (int) (raw & 0x7F);
        boolean extended = (fallback & 0xFF00) == EvdevScancodes.EXTENDED;
        return extended ? EvdevScancodes.EXTENDED | base : base;
    }
}
