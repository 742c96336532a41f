package org.svp.client.swing.view;

import java.awt.Point;
import java.awt.Rectangle;

/**
 * Maps between remote screen pixels and canvas pixels: {@code canvas = offset + remote × scale}.
 * Immutable; computed on the EDT when the canvas is laid out, read by the display thread to turn damage
 * into a repaint region.
 *
 * @param scale canvas pixels per remote pixel (1 at 1:1)
 * @param offsetX canvas column of remote column 0
 * @param offsetY canvas row of remote row 0
 * @param width remote screen columns
 * @param height remote screen rows
 */
public record ScaleTransform(double scale, int offsetX, int offsetY, int width, int height) {
    /** The identity for an empty screen. */
    public static final ScaleTransform NONE = new ScaleTransform(1, 0, 0, 0, 0);

    /**
     * @param mode fit or 1:1
     * @param remoteW remote columns
     * @param remoteH remote rows
     * @param canvasW canvas columns available
     * @param canvasH canvas rows available
     * @return the transform: at 1:1 no scaling, centred when the canvas is larger than the screen (full
     *     screen); when fitting the largest scale that shows the whole screen, centred
     */
    public static ScaleTransform of(ScaleMode mode, int remoteW, int remoteH, int canvasW, int canvasH) {
        if (mode == ScaleMode.ONE_TO_ONE || remoteW <= 0 || remoteH <= 0 || canvasW <= 0 || canvasH <= 0) {
            return new ScaleTransform(1, Math.max(0, (canvasW - remoteW) / 2), Math.max(0, (canvasH - remoteH) / 2),
                    remoteW, remoteH);
        }
        double s = Math.min((double) canvasW / remoteW, (double) canvasH / remoteH);
        int ox = (int) Math.floor((canvasW - remoteW * s) / 2);
        int oy = (int) Math.floor((canvasH - remoteH * s) / 2);
        return new ScaleTransform(s, ox, oy, remoteW, remoteH);
    }

    /**
     * @param x remote left
     * @param y remote top
     * @param w remote columns
     * @param h remote rows
     * @return the canvas rect covering it (grown by a pixel when scaled, for the filter's reach)
     */
    public Rectangle toCanvas(int x, int y, int w, int h) {
        if (scale == 1) {
            return new Rectangle(offsetX + x, offsetY + y, w, h);
        }
        int x0 = (int) Math.floor(offsetX + x * scale) - 1;
        int y0 = (int) Math.floor(offsetY + y * scale) - 1;
        int x1 = (int) Math.ceil(offsetX + (x + w) * scale) + 1;
        int y1 = (int) Math.ceil(offsetY + (y + h) * scale) + 1;
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * @param canvas a canvas point
     * @return the remote pixel under it, clamped to the screen
     */
    public Point toRemote(Point canvas) {
        int x = (int) Math.floor((canvas.x - offsetX) / scale);
        int y = (int) Math.floor((canvas.y - offsetY) / scale);
        return new Point(clamp(x, width), clamp(y, height));
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(v, Math.max(0, size - 1)));
    }
}
