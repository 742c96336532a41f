package org.svp.source.demo.draw;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * Records display orders for one {@link org.svp.source.SourceUpdate.Draw} and applies each of them to a
 * private shadow {@link Surface}, so the source always knows what a client shows (SAVE_SCREEN reads its
 * pixels there, tests compare it with what they rebuild from the submitted orders).
 *
 * <p>Used by the demo thread only, except {@link #snapshot()} and {@link #copyRegion}, which may be
 * called from any thread (the shadow is guarded by this object's monitor). Helpers skip empty rects, so
 * no order with a zero or negative size is ever emitted.
 */
public final class OrderCanvas {

    /** Largest glyph count of one TEXT message (uint8 glyph_count). */
    public static final int MAX_GLYPHS = 255;
    /** Largest rect count of one CLIP_DRAW (protocol.md §4). */
    public static final int MAX_CLIP_RECTS = 64;
    /** ROP2 R2_COPYPEN. */
    public static final int R2_COPYPEN = 13;
    /** ROP2 R2_XORPEN. */
    public static final int R2_XORPEN = 7;
    /** ROP3 SRCCOPY. */
    public static final int SRCCOPY = 0xCC;
    /** ROP3 PATCOPY. */
    public static final int PATCOPY = 0xF0;
    /** ROP3 DSTINVERT. */
    public static final int DSTINVERT = 0x55;

    private final int width;
    private final int height;
    private final Surface shadow;
    private final OrderRenderer renderer;
    private final List<DisplayMessage> out = new ArrayList<>();
    /** Orders recorded since {@link #beginClip}, or null outside a clipped run. */
    private List<DisplayMessage> clipped;
    private List<Rect> clipRects;

    /**
     * @param width screen width
     * @param height screen height
     */
    public OrderCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.shadow = new Surface(width, height);
        this.renderer = new OrderRenderer(shadow);
    }

    /** @return screen width */
    public int width() {
        return width;
    }

    /** @return screen height */
    public int height() {
        return height;
    }

    /**
     * Records one order and applies it to the shadow (inside a clipped run: only records it).
     *
     * @param m the order
     */
    public void emit(DisplayMessage m) {
        if (clipped != null) {
            if (m instanceof ClipDraw) {
                throw new IllegalStateException("CLIP_DRAW inside a clipped run");
            }
            clipped.add(m);
            return;
        }
        out.add(m);
        synchronized (this) {
            renderer.apply(m);
        }
    }

    /**
     * Starts a run of orders clipped to the union of {@code rects}; {@link #endClip()} emits the
     * CLIP_DRAW with the number of drawing orders recorded in between, followed by them.
     *
     * @param rects 1..64 clip rects
     */
    public void beginClip(List<Rect> rects) {
        if (clipped != null) {
            throw new IllegalStateException("clipped run already open");
        }
        if (rects.isEmpty() || rects.size() > MAX_CLIP_RECTS) {
            throw new IllegalArgumentException("CLIP_DRAW takes 1..64 rects, got " + rects.size());
        }
        clipped = new ArrayList<>();
        clipRects = List.copyOf(rects);
    }

    /** Ends the clipped run: emits CLIP_DRAW(count) and the recorded orders (nothing if none draws). */
    public void endClip() {
        List<DisplayMessage> run = clipped;
        clipped = null;
        int count = (int) run.stream().filter(DisplayMessage::isDrawing).count();
        if (count > 0) {
            emit(new ClipDraw(count, clipRects));
        }
        for (DisplayMessage m : run) {
            emit(m);
        }
    }

    /**
     * @return the orders recorded since the last call, in order; the canvas is empty afterwards
     */
    public List<DisplayMessage> flush() {
        if (clipped != null) {
            throw new IllegalStateException("flush inside a clipped run");
        }
        List<DisplayMessage> copy = List.copyOf(out);
        out.clear();
        return copy;
    }

    /**
     * @return a copy of the shadow's pixels (0x00RRGGBB, stride = width); any thread
     */
    public synchronized int[] snapshot() {
        return shadow.pixels().clone();
    }

    /**
     * @param x left
     * @param y top
     * @param w columns
     * @param h rows
     * @return a copy of that area of the shadow, stride = w; any thread
     */
    public synchronized int[] copyRegion(int x, int y, int w, int h) {
        return shadow.copyRegion(x, y, w, h);
    }

    /**
     * SOLID_RECT; skipped when empty.
     *
     * @param r the area
     * @param rgb colour
     */
    public void fill(Rect r, int rgb) {
        if (!r.isEmpty()) {
            emit(new SolidRect(r, rgb));
        }
    }

    /**
     * SOLID_RECT from coordinates; skipped when not positive.
     *
     * @param x left
     * @param y top
     * @param w columns
     * @param h rows
     * @param rgb colour
     */
    public void fill(int x, int y, int w, int h, int rgb) {
        if (w > 0 && h > 0) {
            emit(new SolidRect(new Rect(x, y, w, h), rgb));
        }
    }

    /**
     * SOLID_BLT; skipped when empty.
     *
     * @param r the area
     * @param rgb the solid pattern colour
     * @param rop3 ternary raster operation
     */
    public void solidBlt(Rect r, int rgb, int rop3) {
        if (!r.isEmpty()) {
            emit(new SolidBlt(r, rgb, rop3));
        }
    }

    /**
     * DST_BLT; skipped when empty.
     *
     * @param r the area
     * @param rop3 ternary raster operation
     */
    public void dstBlt(Rect r, int rop3) {
        if (!r.isEmpty()) {
            emit(new DstBlt(r, rop3));
        }
    }

    /**
     * PATTERN_BLT_BRUSH with the brush aligned to the screen (so adjacent fills continue the pattern).
     *
     * @param r the area; skipped when empty
     * @param fg colour of set bits
     * @param bg colour of clear bits
     * @param rop3 ternary raster operation
     * @param pattern 8 rows, LSB = leftmost
     */
    public void pattern(Rect r, int fg, int bg, int rop3, byte[] pattern) {
        if (!r.isEmpty()) {
            emit(new PatternBltBrush(r, Math.floorMod(r.x(), 8), Math.floorMod(r.y(), 8), fg, bg, rop3,
                    pattern.clone()));
        }
    }

    /**
     * LINE with its bounding box.
     *
     * @param x1 start x
     * @param y1 start y
     * @param x2 end x
     * @param y2 end y
     * @param mix ROP2
     * @param rgb pen colour
     */
    public void line(int x1, int y1, int x2, int y2, int mix, int rgb) {
        emit(new Line(x1, y1, x2, y2, Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2),
                mix, rgb));
    }

    /**
     * ELLIPSE in the box (x, y, w, h); skipped when not positive.
     *
     * @param x left
     * @param y top
     * @param w columns
     * @param h rows
     * @param filled fill_mode 1 when true, 0 (outline) otherwise
     * @param rgb colour
     */
    public void ellipse(int x, int y, int w, int h, boolean filled, int rgb) {
        if (w > 0 && h > 0) {
            emit(new Ellipse(new Point(x, y), new Point(x + w - 1, y + h - 1), R2_COPYPEN, filled ? 1 : 0, rgb));
        }
    }

    /**
     * Draws a string with TEXT orders (split every 255 glyphs). The first order fills {@code opaque}
     * with {@code bg} when it is non-null and non-empty; later chunks draw transparently.
     *
     * @param font the glyph set
     * @param s the characters
     * @param x pen position of the first character
     * @param baseline baseline row
     * @param fg glyph colour
     * @param bg opaque colour
     * @param opaque area to fill first, or null for transparent text
     */
    public void text(GlyphFont font, String s, int x, int baseline, int fg, int bg, Rect opaque) {
        boolean fillFirst = opaque != null && !opaque.isEmpty();
        if (s.isEmpty()) {
            if (fillFirst) {
                fill(opaque, bg);
            }
            return;
        }
        int adv = font.advance();
        for (int start = 0; start < s.length(); start += MAX_GLYPHS) {
            String part = s.substring(start, Math.min(s.length(), start + MAX_GLYPHS));
            int px = x + start * adv;
            List<Glyph> glyphs = font.layout(part, px, baseline);
            int maxGlyph = 0;
            for (Glyph g : glyphs) {
                maxGlyph = Math.max(maxGlyph, Math.max(g.width(), g.height()));
            }
            Rect bgRect = new Rect(px, baseline - font.ascent(), part.length() * adv, font.lineHeight());
            Rect op = fillFirst && start == 0 ? opaque : new Rect(px, baseline - font.ascent(), 0, 0);
            emit(new Text(bgRect, op, maxGlyph, 0, 0, fg, bg, glyphs));
        }
    }
}
