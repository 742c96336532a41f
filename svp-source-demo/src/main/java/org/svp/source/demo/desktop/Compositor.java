package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.source.demo.draw.Bitmaps;
import org.svp.source.demo.draw.OrderCanvas;
import org.svp.source.demo.draw.Orders;

/**
 * Puts what a {@link Layer} drew (local orders) on the screen canvas, given the part of the layer that
 * is visible: all of it → the orders moved to the layer's place; part of it → the same orders under a
 * CLIP_DRAW of the visible rects (a clipped run of the layer's own is clipped to the intersection);
 * none → only the orders that draw nothing (the bitmap cache must still follow). Orders that read the
 * screen (SCREEN_BLT, SAVE_SCREEN) or need a slot saved there (RESTORE_SCREEN) cannot be clipped
 * safely — another window's pixels would be copied — so a partly covered layer sends the visible
 * part of its backing as DIRTY_RECT instead. Demo thread only.
 */
final class Compositor {
    /** Most pixels of one DIRTY_RECT taken from a backing (keeps messages far below the 10 MiB limit). */
    private static final int MAX_PIXELS = 256 * 1024;

    private final OrderCanvas screen;

    Compositor(OrderCanvas screen) {
        this.screen = screen;
    }

    /**
     * @param layer the layer that drew
     * @param local its orders, local coordinates, as flushed from its canvas
     * @param visible the visible part of the layer, screen coordinates, disjoint
     */
    void show(Layer layer, List<DisplayMessage> local, List<Rect> visible) {
        int dx = layer.x();
        int dy = layer.y();
        if (visible.size() == 1 && visible.getFirst().equals(layer.frame())) {
            for (DisplayMessage m : local) {
                screen.emit(Orders.translate(m, dx, dy));
            }
            return;
        }
        if (visible.isEmpty() || !local.stream().anyMatch(DisplayMessage::isDrawing)) {
            local.stream().filter(m -> !m.isDrawing() && !(m instanceof ClipDraw)).forEach(screen::emit);
            return;
        }
        if (visible.size() > OrderCanvas.MAX_CLIP_RECTS || local.stream().anyMatch(Compositor::readsScreen)) {
            local.stream().filter(m -> !m.isDrawing() && !(m instanceof ClipDraw)).forEach(screen::emit);
            copy(layer, visible);
            return;
        }
        List<DisplayMessage> run = new ArrayList<>();
        for (int i = 0; i < local.size(); i++) {
            if (!(local.get(i) instanceof ClipDraw clip)) {
                run.add(Orders.translate(local.get(i), dx, dy));
                continue;
            }
            clipped(run, visible);
            run.clear();
            List<Rect> inner = new ArrayList<>();
            for (Rect r : clip.rects()) {
                inner.addAll(Regions.intersect(visible, r.translate(dx, dy)));
            }
            int drawing = 0;
            List<DisplayMessage> orders = new ArrayList<>();
            while (drawing < clip.cmdCount() && i + 1 < local.size()) {
                DisplayMessage m = local.get(++i);
                drawing += m.isDrawing() ? 1 : 0;
                orders.add(Orders.translate(m, dx, dy));
            }
            clipped(orders, inner);
        }
        clipped(run, visible);
    }

    /** Emits {@code orders} clipped to {@code rects} (1..64; none: only their non-drawing orders). */
    private void clipped(List<DisplayMessage> orders, List<Rect> rects) {
        int drawing = (int) orders.stream().filter(DisplayMessage::isDrawing).count();
        if (drawing == 0 || rects.isEmpty() || rects.size() > OrderCanvas.MAX_CLIP_RECTS) {
            orders.stream().filter(m -> !m.isDrawing()).forEach(screen::emit);
            return;
        }
        screen.emit(new ClipDraw(drawing, rects));
        orders.forEach(screen::emit);
    }

    private static boolean readsScreen(DisplayMessage m) {
        return m instanceof ScreenBlt || m instanceof SaveScreen || m instanceof RestoreScreen;
    }

    /**
     * Sends parts of a layer's backing as DIRTY_RECT (RAW RGB32), split into bands of at most 256 Ki pixels.
     *
     * @param layer whose pixels
     * @param rects screen rects inside the layer's frame
     */
    void copy(Layer layer, List<Rect> rects) {
        for (Rect r : rects) {
            Rect in = r.intersect(layer.frame());
            if (in.isEmpty()) {
                continue;
            }
            int band = Math.max(1, MAX_PIXELS / in.width());
            for (int y = in.y(); y < in.bottom(); y += band) {
                int h = Math.min(band, in.bottom() - y);
                int[] px = layer.canvas().copyRegion(in.x() - layer.x(), y - layer.y(), in.width(), h);
                screen.emit(new DirtyRect(Bitmaps.raw(px, in.width(), h, PixelFormat.RGB32, in.x(), y)));
            }
        }
    }
}
