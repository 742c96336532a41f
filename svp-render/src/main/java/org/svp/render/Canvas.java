package org.svp.render;

import org.svp.protocol.Rect;

/**
 * Where the painters draw: a {@link Surface} plus the clip of the current order (CLIP_DRAW, or none).
 * It cuts rectangles into visible row spans and answers per-pixel visibility, so that every painter
 * clips to the surface and the clip in the same way.
 *
 * <p>Owned by an {@link OrderRenderer} and used only on its thread.
 */
final class Canvas {
    /** The empty rect returned for "nothing changed". */
    static final Rect EMPTY = new Rect(0, 0, 0, 0);

    /** Receives one visible span of a row. */
    @FunctionalInterface
    interface SpanAction {
        /**
         * @param y
         *     row
         * @param x0
         *     first column
         * @param x1
         *     one past the last column
         */
        void span(int y, int x0, int x1);
    }

    private final Surface surface;
    /** The clip of the order being drawn, null when only the surface clips. */
    private ClipRegion clip;
    /** Span buffer for {@link ClipRegion#spans}; sized for the current clip. */
    private int[] spanBuffer = new int[2];

    Canvas(Surface surface) {
        this.surface = surface;
    }

    Surface surface() {
        return surface;
    }

    /** @param clip the clip for the next order, or null for none */
    void setClip(ClipRegion clip) {
        this.clip = clip;
        if (clip != null && spanBuffer.length < 2 * clip.maxSpans()) {
            spanBuffer = new int[2 * clip.maxSpans()];
        }
    }

    /** @return true when a clip other than the surface applies */
    boolean clipped() {
        return clip != null;
    }

    /** @return true when the whole of {@code r} is on the surface and no clip applies */
    boolean unclippedInside(Rect r) {
        return clip == null && r.x() >= 0 && r.y() >= 0 && r.right() <= surface.width()
                && r.bottom() <= surface.height();
    }

    /**
     * @param r
     *     a rect in screen coordinates
     * @return its part on the surface and inside the clip's bounds (the damage of drawing all of it),
     *     or {@link #EMPTY}
     */
    Rect visible(Rect r) {
        Rect v = r.intersect(new Rect(0, 0, surface.width(), surface.height()));
        if (clip != null) {
            v = v.intersect(clip.bounds());
        }
        return v.isEmpty() ? EMPTY : v;
    }

    /** @return true when pixel (x, y) is on the surface and inside the clip */
    boolean visible(int x, int y) {
        return x >= 0 && y >= 0 && x < surface.width() && y < surface.height()
                && (clip == null || clip.contains(x, y));
    }

    /**
     * Calls {@code action} for every visible span of {@code r}, top row first.
     *
     * @return the damage, {@link #visible(Rect)}
     */
    Rect forEachSpan(Rect r, SpanAction action) {
        Rect v = visible(r);
        for (int y = v.y(); y < v.bottom(); y++) {
            if (clip == null) {
                action.span(y, v.x(), v.right());
            } else {
                int n = clip.spans(y, v.x(), v.right(), spanBuffer);
                for (int i = 0; i < n; i++) {
                    action.span(y, spanBuffer[2 * i], spanBuffer[2 * i + 1]);
                }
            }
        }
        return v;
    }

    /**
     * Calls {@code action} for the visible parts of one row span.
     *
     * @param y
     *     row
     * @param x0
     *     first column
     * @param x1
     *     one past the last column
     */
    void forEachSpan(int y, int x0, int x1, SpanAction action) {
        if (y < 0 || y >= surface.height()) {
            return;
        }
        int s = Math.max(x0, 0);
        int e = Math.min(x1, surface.width());
        if (s >= e) {
            return;
        }
        if (clip == null) {
            action.span(y, s, e);
            return;
        }
        int n = clip.spans(y, s, e, spanBuffer);
        for (int i = 0; i < n; i++) {
            action.span(y, spanBuffer[2 * i], spanBuffer[2 * i + 1]);
        }
    }
}
