package org.svp.client.swing.view;

import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.Point;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import org.svp.protocol.message.CursorShape;
import org.svp.render.CursorImage;

/**
 * Turns a CURSOR shape into the window's own pointer (a client-side cursor, never drawn into the
 * framebuffer). Pixels come from {@link CursorImage#toArgb} (AND mask → transparency; inverting pixels
 * approximated with a black core and white outline). The image is padded, not stretched, to the size
 * the window system wants, so the shape and its hot spot stay pixel-exact; shapes larger than it can
 * show are scaled down with the hot spot. EDT only.
 */
public final class CursorFactory {
    private CursorFactory() {
    }

    /**
     * @param shape as received on the cursor channel
     * @return the cursor, or a blank one for an empty shape (the guest hid its pointer)
     */
    public static Cursor create(CursorShape shape) {
        Toolkit tk = Toolkit.getDefaultToolkit();
        int w = Math.max(0, shape.width());
        int h = Math.max(0, shape.height());
        if (w > org.svp.protocol.ProtocolLimits.MAX_CURSOR_SIDE || h > org.svp.protocol.ProtocolLimits.MAX_CURSOR_SIDE) {
            return Cursor.getDefaultCursor(); // a made-up size: nothing allocated for it (CursorImage.checkSize)
        }
        Dimension best = tk.getBestCursorSize(Math.max(1, w), Math.max(1, h));
        if (best.width <= 0 || best.height <= 0) {
            return Cursor.getDefaultCursor(); // the platform has no custom cursors
        }
        BufferedImage image = new BufferedImage(best.width, best.height, BufferedImage.TYPE_INT_ARGB);
        int hx = shape.xHot();
        int hy = shape.yHot();
        if (w > 0 && h > 0) {
            BufferedImage src = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            src.setRGB(0, 0, w, h, CursorImage.toArgb(shape), 0, w);
            if (w <= best.width && h <= best.height) {
                image.getRaster().setDataElements(0, 0, src.getRaster());
            } else {
                double s = Math.min((double) best.width / w, (double) best.height / h);
                var g = image.createGraphics();
                g.drawImage(src, 0, 0, (int) (w * s), (int) (h * s), null);
                g.dispose();
                hx = (int) (hx * s);
                hy = (int) (hy * s);
            }
        }
        Point hot = new Point(Math.clamp(hx, 0, best.width - 1), Math.clamp(hy, 0, best.height - 1));
        return tk.createCustomCursor(image, hot, "svp-remote");
    }
}
