package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenBlt;
import org.svp.source.demo.draw.OrderCanvas;
import org.svp.source.demo.draw.Orders;

/**
 * The window manager: the icon layer at the bottom, then the windows in stacking order, all inside the
 * desktop area (above the taskbar). It shows what each layer drew through the {@link Compositor},
 * raises windows, and moves them: SCREEN_BLT of the window's pixels to the new place, its backing as
 * DIRTY_RECT where the old place did not cover the new one, and the uncovered area redrawn (the
 * PATTERN_BLT_BRUSH background where no layer is, the visible parts of the layers below from their
 * backings). Demo thread only.
 */
final class WindowStack {
    private final OrderCanvas screen;
    private final Compositor compositor;
    private final Rect area;
    private final Layer icons;
    /** Bottom first. */
    private final List<Window> order = new ArrayList<>();

    /**
     * @param screen the screen canvas
     * @param area the desktop area windows stay inside
     * @param icons the layer under every window
     * @param windows in stacking order, bottom first
     */
    WindowStack(OrderCanvas screen, Rect area, Layer icons, List<Window> windows) {
        this.screen = screen;
        this.compositor = new Compositor(screen);
        this.area = area;
        this.icons = icons;
        this.order.addAll(windows);
    }

    /** Shows what a layer drew since its last flush. */
    void show(Layer layer) {
        List<DisplayMessage> local = layer.canvas().flush();
        if (!local.isEmpty()) {
            compositor.show(layer, local, visible(layer));
        }
    }

    /** @return the visible part of a layer: its frame inside the desktop minus the windows above it */
    List<Rect> visible(Layer layer) {
        List<Rect> region = Regions.intersect(List.of(layer.frame()), area);
        boolean above = layer == icons;
        for (Window w : order) {
            if (above) {
                region = Regions.subtract(region, w.screenFrame());
            } else if (w.layer() == layer) {
                above = true;
            }
        }
        return region;
    }

    /** @return the topmost window containing screen point (x, y), or null */
    Window windowAt(int x, int y) {
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i).layer().contains(x, y)) {
                return order.get(i);
            }
        }
        return null;
    }

    /** @return whether w is the top window */
    boolean isTop(Window w) {
        return order.getLast() == w;
    }

    /** Puts w on top and shows the parts of it that were covered. */
    void raise(Window w) {
        if (isTop(w)) {
            return;
        }
        List<Rect> before = visible(w.layer());
        order.remove(w);
        order.add(w);
        List<Rect> hidden = Regions.intersect(List.of(w.screenFrame()), area);
        for (Rect r : before) {
            hidden = Regions.subtract(hidden, r);
        }
        compositor.copy(w.layer(), hidden);
    }

    /**
     * Moves the top window so its top-left is as near (x, y) as the desktop allows (the whole window
     * stays inside it).
     *
     * @param w the top window (call {@link #raise} first)
     * @param x wanted screen column of its top-left
     * @param y wanted screen row
     */
    void move(Window w, int x, int y) {
        if (!isTop(w)) {
            throw new IllegalStateException("only the top window moves");
        }
        Rect old = w.screenFrame();
        int nx = Math.clamp(x, area.x(), Math.max(area.x(), area.right() - old.width()));
        int ny = Math.clamp(y, area.y(), Math.max(area.y(), area.bottom() - old.height()));
        int dx = nx - old.x();
        int dy = ny - old.y();
        if (dx == 0 && dy == 0) {
            return;
        }
        w.layer().moveTo(nx, ny);
        Rect now = w.screenFrame();
        Rect src = old.intersect(area).intersect(area.translate(-dx, -dy));
        List<Rect> fresh = List.of(now);
        if (!src.isEmpty()) {
            Rect dst = src.translate(dx, dy);
            screen.emit(new ScreenBlt(dst, src.x(), src.y(), OrderCanvas.SRCCOPY));
            fresh = Regions.subtract(fresh, dst);
        }
        compositor.copy(w.layer(), fresh);
        repaint(Regions.subtract(List.of(old), now));
    }

    /**
     * Redraws screen rects from scratch: the desktop background where no layer is, then each layer's
     * backing where that layer is visible (no pixel is sent twice).
     */
    void repaint(List<Rect> rects) {
        for (Rect r : rects) {
            List<Rect> bare = List.of(r);
            bare = Regions.subtract(bare, icons.frame());
            for (Window w : order) {
                bare = Regions.subtract(bare, w.screenFrame());
            }
            for (Rect b : bare) {
                screen.pattern(b, Palette.DESKTOP_FG, Palette.DESKTOP_BG, OrderCanvas.PATCOPY, Palette.CHECKER);
            }
            compositor.copy(icons, Regions.intersect(visible(icons), r));
            for (Window w : order) {
                compositor.copy(w.layer(), Regions.intersect(visible(w.layer()), r));
            }
        }
    }

    /** @return the windows' short names, bottom first */
    List<String> names() {
        return order.stream().map(Window::name).toList();
    }
}
