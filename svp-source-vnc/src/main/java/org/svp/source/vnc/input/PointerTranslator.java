package org.svp.source.vnc.input;

import java.util.function.Consumer;
import org.svp.protocol.MouseButtons;
import org.svp.source.vnc.rfb.ClientMessages;

/**
 * MOUSE_EVENTs to RFB PointerEvents. SVP's buttons (left 1, right 2, middle 4, wheel 8/16) become
 * RFB's mask (left 1, middle 2, right 4, wheel up 8, down 16); a wheel bit is one click, sent as a
 * press and a release as RFB clients do. Positions are clamped into the framebuffer. Thread:
 * "svp-vnc"; stateless.
 */
public final class PointerTranslator {
    private PointerTranslator() {
    }

    /**
     * @param x client column
     * @param y client row
     * @param buttons SVP button state
     * @param width framebuffer width
     * @param height framebuffer height
     * @param send where the messages go
     */
    public static void pointer(int x, int y, int buttons, int width, int height, Consumer<byte[]> send) {
        int cx = Math.clamp(x, 0, Math.max(0, width - 1));
        int cy = Math.clamp(y, 0, Math.max(0, height - 1));
        int mask = ((buttons & MouseButtons.LEFT) != 0 ? 1 : 0)
                | ((buttons & MouseButtons.MIDDLE) != 0 ? 2 : 0)
                | ((buttons & MouseButtons.RIGHT) != 0 ? 4 : 0);
        send.accept(ClientMessages.pointerEvent(mask, cx, cy));
        if ((buttons & MouseButtons.WHEEL_UP) != 0) {
            send.accept(ClientMessages.pointerEvent(mask | 8, cx, cy));
            send.accept(ClientMessages.pointerEvent(mask, cx, cy));
        }
        if ((buttons & MouseButtons.WHEEL_DOWN) != 0) {
            send.accept(ClientMessages.pointerEvent(mask | 16, cx, cy));
            send.accept(ClientMessages.pointerEvent(mask, cx, cy));
        }
    }
}
