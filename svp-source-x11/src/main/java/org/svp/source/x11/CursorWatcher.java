package org.svp.source.x11;

import java.lang.foreign.MemorySegment;
import org.svp.protocol.message.CursorShape;
import org.svp.source.DisplaySink;
import org.svp.source.SourceUpdate;
import org.svp.source.x11.capture.CursorConverter;
import org.svp.source.x11.xlib.CursorImage;
import org.svp.source.x11.xlib.XConnection;

/**
 * Reads the X cursor (XFixesGetCursorImage) when XFixes says it changed and submits it to the cursor
 * channel unless it is the shape sent last. Thread: "svp-x11".
 */
final class CursorWatcher {
    /** Larger cursors are cropped: a v1 CURSOR's data_len is 16-bit (128×128×3 fits). */
    private static final int MAX_SIDE = 128;

    private final XConnection x;
    private final X11Stats stats;
    private long lastSerial = -1;

    CursorWatcher(XConnection x, X11Stats stats) {
        this.x = x;
        this.stats = stats;
    }

    /** Submits the current shape if it changed. */
    void check(DisplaySink sink) throws InterruptedException {
        MemorySegment p = x.fixes().getCursorImage(x.display());
        if (p.equals(MemorySegment.NULL)) {
            return;
        }
        CursorImage img;
        try {
            img = CursorImage.read(p);
        } finally {
            x.xlib().free(p);
        }
        if (img.serial() == lastSerial || img.width() == 0 || img.height() == 0) {
            return;
        }
        lastSerial = img.serial();
        CursorShape shape = CursorConverter.toShape(crop(img));
        stats.cursors.increment();
        sink.submit(new SourceUpdate.Cursor(shape));
    }

    private static CursorImage crop(CursorImage img) {
        if (img.width() <= MAX_SIDE && img.height() <= MAX_SIDE) {
            return img;
        }
        int w = Math.min(MAX_SIDE, img.width());
        int h = Math.min(MAX_SIDE, img.height());
        int[] argb = new int[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(img.argb(), y * img.width(), argb, y * w, w);
        }
        return new CursorImage(w, h, Math.min(img.xHot(), w - 1), Math.min(img.yHot(), h - 1), img.serial(), argb);
    }
}
