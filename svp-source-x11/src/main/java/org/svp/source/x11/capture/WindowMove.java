package org.svp.source.x11.capture;

import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

/**
 * A top-level window (or window-manager frame) that kept its size and changed position, as a
 * ConfigureNotify on the root window's substructure reported it.
 *
 * @param from where the window was (outer rectangle, border included; may reach off screen)
 * @param toX its new left column
 * @param toY its new top row
 */
public record WindowMove(Rect from, int toX, int toY) {

    /**
     * The copy that moves the window's pixels on a {@code width × height} screen: the part of the
     * old rectangle on screen whose destination is on screen too (source and destination clipped
     * consistently, so both lie inside the screen).
     *
     * @param width screen width
     * @param height screen height
     * @return a SCREEN_BLT (SRCCOPY), or null if nothing of the window stays on screen or it did not move
     */
    public ScreenBlt blit(int width, int height) {
        int dx = toX - from.x();
        int dy = toY - from.y();
        if (dx == 0 && dy == 0) {
            return null;
        }
        Rect screen = new Rect(0, 0, width, height);
        Rect src = from.intersect(screen);
        if (src.isEmpty()) {
            return null;
        }
        Rect dst = new Rect(src.x() + dx, src.y() + dy, src.width(), src.height()).intersect(screen);
        if (dst.isEmpty()) {
            return null;
        }
        return new ScreenBlt(dst, dst.x() - dx, dst.y() - dy, ScrollDetector.ROP_SRCCOPY);
    }
}
