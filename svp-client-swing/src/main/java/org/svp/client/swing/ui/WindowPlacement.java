package org.svp.client.swing.ui;

import java.awt.Dimension;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;

/**
 * Where the viewer's window goes: inside the screen's usable area (the screen less panels and docks, from
 * the screen insets the window manager publishes) and centred in it. When the remote screen with the
 * window's chrome (frame, menu bar, status line) does not fit, the picture is shrunk — keeping its aspect
 * in fit mode, so the scaled picture fills the window without bars — and at 1:1 the window is simply
 * clamped (scrollbars). Pure arithmetic plus one look-up of the usable area; called by
 * {@link ViewerWindow} on the EDT.
 */
final class WindowPlacement {
    private WindowPlacement() {
    }

    /**
     * @param gc the screen the window is on, or null for the default screen
     * @return the usable area of that screen, in screen coordinates
     */
    static Rectangle usableArea(GraphicsConfiguration gc) {
        if (gc == null) {
            return GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        }
        Rectangle b = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(b.x + in.left, b.y + in.top, Math.max(1, b.width - in.left - in.right),
                Math.max(1, b.height - in.top - in.bottom));
    }

    /**
     * @param usable the usable screen area
     * @param chrome what the window adds around the picture (frame insets, menu bar, status line)
     * @param picture the remote screen's size at 1:1
     * @param keepAspect fit mode: shrink the picture by one factor rather than clamping each side
     * @return the window's bounds: the picture (shrunk if needed) plus the chrome, centred in {@code usable}
     */
    static Rectangle place(Rectangle usable, Dimension chrome, Dimension picture, boolean keepAspect) {
        int roomW = Math.max(1, usable.width - chrome.width);
        int roomH = Math.max(1, usable.height - chrome.height);
        int w;
        int h;
        if (keepAspect && picture.width > 0 && picture.height > 0) {
            double s = Math.min(1, Math.min((double) roomW / picture.width, (double) roomH / picture.height));
            w = Math.min(roomW, (int) Math.floor(picture.width * s));
            h = Math.min(roomH, (int) Math.floor(picture.height * s));
        } else {
            w = Math.min(roomW, picture.width);
            h = Math.min(roomH, picture.height);
        }
        return centred(usable, new Dimension(Math.min(usable.width, w + chrome.width),
                Math.min(usable.height, h + chrome.height)));
    }

    /**
     * @param usable the usable screen area
     * @param size the window's size
     * @return a window of that size (clamped to the area) centred in the area
     */
    static Rectangle centred(Rectangle usable, Dimension size) {
        int w = Math.min(size.width, usable.width);
        int h = Math.min(size.height, usable.height);
        return new Rectangle(usable.x + (usable.width - w) / 2, usable.y + (usable.height - h) / 2, w, h);
    }
}
