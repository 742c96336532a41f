package org.svp.render;

import java.util.Arrays;
import org.svp.protocol.Rect;
import org.svp.protocol.message.PatternBltBrush;

/**
 * Rectangle orders that combine P, S and D with a rop3: solid fills (SOLID_RECT, SOLID_BLT, DST_BLT,
 * the TEXT background), the 8×8 brush (PATTERN_BLT_BRUSH) and copies from a pixel array (SCREEN_BLT
 * from a snapshot, MEM_BLT from the cache, DIRTY_RECT and RESTORE_SCREEN from a decoded bitmap).
 * Operands an order does not define are 0 (black): S for fills, P for copies.
 *
 * <p>Stateless; called by {@link OrderRenderer} on its thread. Each method returns the damage.
 */
final class BltPainter {
    private BltPainter() {
    }

    /**
     * Fills a rect: {@code D = rop3(P, 0, D)}. Rops that ignore D (PATCOPY, BLACKNESS, …) become
     * {@link Arrays#fill} per span.
     */
    static Rect fill(Canvas c, Rect r, int rop3, int p) {
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        Rop3.Op op = Rop3.op(rop3);
        if (!Rop3.usesDestination(rop3)) {
            int value = op.apply(p, 0, 0);
            return c.forEachSpan(r, (y, x0, x1) -> Arrays.fill(px, y * stride + x0, y * stride + x1, value));
        }
        return c.forEachSpan(r, (y, x0, x1) -> {
            for (int i = y * stride + x0, end = y * stride + x1; i < end; i++) {
                px[i] = op.apply(p, 0, px[i]);
            }
        });
    }

    /**
     * PATTERN_BLT_BRUSH: P is fg where bit {@code (x + brushX) & 7} (LSB first) of
     * {@code pattern[(y + brushY) & 7]} is set and bg elsewhere, with x, y relative to the rect's
     * top-left (protocol.md §5).
     */
    static Rect pattern(Canvas c, PatternBltBrush m) {
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        Rop3.Op op = Rop3.op(m.rop3());
        Rect r = m.rect();
        byte[] pattern = m.pattern();
        int fg = m.fg() & 0xFFFFFF;
        int bg = m.bg() & 0xFFFFFF;
        return c.forEachSpan(r, (y, x0, x1) -> {
            int rowBits = pattern[(y - r.y() + m.brushY()) & 7];
            int base = y * stride;
            for (int x = x0; x < x1; x++) {
                int p = ((rowBits >> ((x - r.x() + m.brushX()) & 7)) & 1) != 0 ? fg : bg;
                px[base + x] = op.apply(p, 0, px[base + x]);
            }
        });
    }

    /**
     * Copies {@code src} onto {@code dest}: destination pixel (x, y) gets
     * {@code rop3(0, S, D)} with S the source pixel {@code (srcX + x - dest.x, srcY + y - dest.y)}, or
     * 0 where that is outside the {@code srcW × srcH} array. The caller makes sure {@code src} does not
     * alias the surface (SCREEN_BLT passes a snapshot).
     */
    static Rect blit(Canvas c, Rect dest, int[] src, int srcW, int srcH, int srcX, int srcY, int rop3) {
        int[] px = c.surface().pixels();
        int stride = c.surface().width();
        Rop3.Op op = Rop3.op(rop3);
        boolean copy = rop3 == Rop3.SRCCOPY;
        return c.forEachSpan(dest, (y, x0, x1) -> {
            int sy = srcY + (y - dest.y());
            int sx0 = srcX + (x0 - dest.x());
            int d0 = y * stride + x0;
            int n = x1 - x0;
            if (sy < 0 || sy >= srcH) {
                for (int i = 0; i < n; i++) {
                    px[d0 + i] = op.apply(0, 0, px[d0 + i]);
                }
                return;
            }
            int srcRow = sy * srcW;
            // columns i in [in0, in1) have their source inside the array
            int in0 = Math.clamp(-sx0, 0, n);
            int in1 = Math.clamp(srcW - sx0, in0, n);
            if (copy) {
                Arrays.fill(px, d0, d0 + in0, 0);
                System.arraycopy(src, srcRow + sx0 + in0, px, d0 + in0, in1 - in0);
                Arrays.fill(px, d0 + in1, d0 + n, 0);
                return;
            }
            for (int i = 0; i < n; i++) {
                int s = i >= in0 && i < in1 ? src[srcRow + sx0 + i] : 0;
                px[d0 + i] = op.apply(0, s, px[d0 + i]);
            }
        });
    }
}
