package org.svp.vrde.sim.guest;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;

/**
 * Builds the 16 VRDE orders (spec §4, {@code VRDEOrders.h} layouts, packed little-endian) together with
 * the equivalent SVP message the guest draws with. Colours are {@code 0x00RRGGBB} (docs/vrde.md,
 * Decisions). POLYLINE points are absolute screen points. Stateless.
 */
public final class GuestOrders {
    /** Order codes. */
    public static final int DIRTY_RECT = 0;
    public static final int SOLIDRECT = 1;
    public static final int SOLIDBLT = 2;
    public static final int DSTBLT = 3;
    public static final int SCREENBLT = 4;
    public static final int PATBLTBRUSH = 5;
    public static final int MEMBLT = 6;
    public static final int CACHED_BITMAP = 7;
    public static final int DELETED_BITMAP = 8;
    public static final int LINE = 9;
    public static final int BOUNDS = 10;
    public static final int REPEAT = 11;
    public static final int POLYLINE = 12;
    public static final int ELLIPSE = 13;
    public static final int SAVESCREEN = 14;
    public static final int TEXT = 15;

    private GuestOrders() {
    }

    private static LeBuffer start(int code) {
        return new LeBuffer().u32(code);
    }

    private static LeBuffer area(LeBuffer b, Rect r) {
        return b.u16(r.x()).u16(r.y()).u16(r.width()).u16(r.height());
    }

    /** SOLIDRECT (12 bytes). */
    public static GuestOrder solidRect(Rect r, int rgb) {
        return new GuestOrder("SOLIDRECT", SOLIDRECT, r, new SolidRect(r, rgb),
                area(start(SOLIDRECT), r).u32(rgb).toArray());
    }

    /** SOLIDBLT (13 bytes). */
    public static GuestOrder solidBlt(Rect r, int rgb, int rop) {
        return new GuestOrder("SOLIDBLT", SOLIDBLT, r, new SolidBlt(r, rgb, rop),
                area(start(SOLIDBLT), r).u32(rgb).u8(rop).toArray());
    }

    /** DSTBLT (9 bytes). */
    public static GuestOrder dstBlt(Rect r, int rop) {
        return new GuestOrder("DSTBLT", DSTBLT, r, new DstBlt(r, rop), area(start(DSTBLT), r).u8(rop).toArray());
    }

    /** SCREENBLT (13 bytes). */
    public static GuestOrder screenBlt(Rect r, int xSrc, int ySrc, int rop) {
        return new GuestOrder("SCREENBLT", SCREENBLT, r, new ScreenBlt(r, xSrc, ySrc, rop),
                area(start(SCREENBLT), r).u16(xSrc).u16(ySrc).u8(rop).toArray());
    }

    /** PATBLTBRUSH (27 bytes): brush origin 0..7, 8 pattern rows. */
    public static GuestOrder patBltBrush(Rect r, int brushX, int brushY, int fg, int bg, int rop, byte[] pattern) {
        return new GuestOrder("PATBLTBRUSH", PATBLTBRUSH, r, new PatternBltBrush(r, brushX, brushY, fg, bg, rop, pattern),
                area(start(PATBLTBRUSH), r).u8(brushX).u8(brushY).u32(fg).u32(bg).u8(rop).bytes(pattern).toArray());
    }

    /** MEMBLT (29 bytes). */
    public static GuestOrder memBlt(Rect r, int xSrc, int ySrc, int rop, byte[] hash) {
        return new GuestOrder("MEMBLT", MEMBLT, r, new MemBlt(r, xSrc, ySrc, rop, BitmapHash.of(hash)),
                area(start(MEMBLT), r).u16(xSrc).u16(ySrc).u8(rop).bytes(hash).toArray());
    }

    /** VRDEDATABITS (13 bytes) + bits: cb, x, y, w, h, cbPixel. */
    private static LeBuffer dataBits(LeBuffer b, int x, int y, int w, int h, int bpp, int[] rgb) {
        int bytes = GuestPixels.bytesPerPixel(bpp);
        b.u32(w * h * bytes).u16(x).u16(y).u16(w).u16(h).u8(bytes);
        for (int p : rgb) {
            int v = GuestPixels.encode(p, bpp);
            for (int i = 0; i < bytes; i++) {
                b.u8(v >> (8 * i));
            }
        }
        return b;
    }

    /** The pixels as an SVP RGB32 bitmap, widened from {@code bpp} the way the guest stored them. */
    private static Bitmap svpBitmap(int x, int y, int w, int h, int bpp, int[] rgb) {
        byte[] d = new byte[w * h * 4];
        for (int i = 0; i < rgb.length; i++) {
            int v = GuestPixels.decode(GuestPixels.encode(rgb[i], bpp), bpp);
            d[i * 4] = (byte) v;
            d[i * 4 + 1] = (byte) (v >> 8);
            d[i * 4 + 2] = (byte) (v >> 16);
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, d);
    }

    /** DIRTY_RECT: VRDEDATABITS + the pixels at the framebuffer's depth. */
    public static GuestOrder dirtyRect(Rect r, int bpp, int[] rgb) {
        return new GuestOrder("DIRTY_RECT", DIRTY_RECT, r,
                new DirtyRect(svpBitmap(r.x(), r.y(), r.width(), r.height(), bpp, rgb)),
                dataBits(start(DIRTY_RECT), r.x(), r.y(), r.width(), r.height(), bpp, rgb).toArray());
    }

    /** CACHED_BITMAP: hash, then VRDEDATABITS + bits (draws nothing). */
    public static GuestOrder cachedBitmap(byte[] hash, int w, int h, int bpp, int[] rgb) {
        return new GuestOrder("CACHED_BITMAP", CACHED_BITMAP, new Rect(0, 0, 0, 0),
                new CachedBitmap(BitmapHash.of(hash), svpBitmap(0, 0, w, h, bpp, rgb)),
                dataBits(start(CACHED_BITMAP).bytes(hash), 0, 0, w, h, bpp, rgb).toArray());
    }

    /** DELETED_BITMAP (16 bytes). */
    public static GuestOrder deletedBitmap(byte[] hash) {
        return new GuestOrder("DELETED_BITMAP", DELETED_BITMAP, new Rect(0, 0, 0, 0),
                new DeletedBitmap(BitmapHash.of(hash)), start(DELETED_BITMAP).bytes(hash).toArray());
    }

    /** LINE (21 bytes); the bounds fields carry the line's bounding box. */
    public static GuestOrder line(int x1, int y1, int x2, int y2, int mix, int rgb) {
        int l = Math.min(x1, x2);
        int t = Math.min(y1, y2);
        int r = Math.max(x1, x2);
        int b = Math.max(y1, y2);
        return new GuestOrder("LINE", LINE, new Rect(l, t, r - l + 1, b - t + 1),
                new Line(x1, y1, x2, y2, l, t, r, b, mix, rgb),
                start(LINE).u16(x1).u16(y1).u16(x2).u16(y2).u16(l).u16(t).u16(r).u16(b).u8(mix).u32(rgb).toArray());
    }

    /** POLYLINE (74 bytes): start, mix, rgb, then up to 16 absolute points. */
    public static GuestOrder polyline(Point startPt, int mix, int rgb, List<Point> points) {
        if (points.size() > 16) {
            throw new IllegalArgumentException("a POLYLINE has at most 16 points, got " + points.size());
        }
        LeBuffer b = start(POLYLINE).u16(startPt.x()).u16(startPt.y()).u8(mix).u32(rgb).u8(points.size());
        int l = startPt.x();
        int t = startPt.y();
        int r = l;
        int bo = t;
        for (Point p : points) {
            b.u16(p.x()).u16(p.y());
            l = Math.min(l, p.x());
            t = Math.min(t, p.y());
            r = Math.max(r, p.x());
            bo = Math.max(bo, p.y());
        }
        b.zeros(4 * (16 - points.size()));
        return new GuestOrder("POLYLINE", POLYLINE, new Rect(l, t, r - l + 1, bo - t + 1),
                new Polyline(startPt, mix, rgb, points), b.toArray());
    }

    /** ELLIPSE (14 bytes): the box [pt1, pt2). */
    public static GuestOrder ellipse(Point p1, Point p2, int mix, int fillMode, int rgb) {
        return new GuestOrder("ELLIPSE", ELLIPSE, new Rect(p1.x(), p1.y(), p2.x() - p1.x() + 1, p2.y() - p1.y() + 1),
                new Ellipse(p1, p2, mix, fillMode, rgb),
                start(ELLIPSE).u16(p1.x()).u16(p1.y()).u16(p2.x()).u16(p2.y()).u8(mix).u8(fillMode).u32(rgb).toArray());
    }

    /** SAVESCREEN with restore = 0: keep [pt1, pt2) under {@code ident}. */
    public static GuestOrder saveScreen(Point p1, Point p2, int ident) {
        return new GuestOrder("SAVESCREEN", SAVESCREEN, new Rect(0, 0, 0, 0), new SaveScreen(p1, p2, ident),
                start(SAVESCREEN).u16(p1.x()).u16(p1.y()).u16(p2.x()).u16(p2.y()).u8(ident).u8(0).toArray());
    }

    /**
     * SAVESCREEN with restore = 1.
     *
     * @param saved the pixels saved under {@code ident} ({@code (p2-p1)} sized, row-major)
     */
    public static GuestOrder restoreScreen(Point p1, Point p2, int ident, int[] saved) {
        int w = p2.x() - p1.x();
        int h = p2.y() - p1.y();
        return new GuestOrder("SAVESCREEN", SAVESCREEN, new Rect(p1.x(), p1.y(), w, h),
                new RestoreScreen(p1, p2, ident, svpBitmap(p1.x(), p1.y(), w, h, 32, saved)),
                start(SAVESCREEN).u16(p1.x()).u16(p1.y()).u16(p2.x()).u16(p2.y()).u8(ident).u8(1).toArray());
    }

    /**
     * TEXT: VRDEORDERTEXT (34 bytes) then glyph records (24-byte header + 1-bpp bitmap padded to 4).
     *
     * @param background the text's box
     * @param opaque filled with {@code bg} when not empty
     * @param glyphs the glyphs, positioned on screen
     */
    public static GuestOrder text(Rect background, Rect opaque, int fg, int bg, List<Glyph> glyphs) {
        if (glyphs.size() > 255) {
            throw new IllegalArgumentException("a TEXT order has at most 255 glyphs");
        }
        int maxGlyph = 0;
        LeBuffer g = new LeBuffer();
        List<Glyph> svp = new ArrayList<>();
        for (Glyph gl : glyphs) {
            int padded = Glyph.paddedLength(gl.width(), gl.height());
            g.u32(Glyph.HEADER_BYTES + padded).u64(gl.handle()).u16(gl.x()).u16(gl.y()).u16(gl.width()).u16(gl.height())
                    .u16(gl.xOrigin()).u16(gl.yOrigin()).bytes(gl.bits()).zeros(padded - gl.bits().length);
            maxGlyph = Math.max(maxGlyph, Math.max(gl.width(), gl.height()));
            svp.add(gl);
        }
        LeBuffer b = start(TEXT).u32(34 + g.size())
                .u16(background.x()).u16(background.y()).u16(background.width()).u16(background.height())
                .u16(opaque.x()).u16(opaque.y()).u16(opaque.width()).u16(opaque.height())
                .u16(maxGlyph).u8(glyphs.size()).u8(0).u16(0).u32(fg).u32(bg).bytes(g.toArray());
        Rect box = opaque.isEmpty() ? background : union(background, opaque);
        return new GuestOrder("TEXT", TEXT, box, new Text(background, opaque, maxGlyph, 0, 0, fg, bg, svp), b.toArray());
    }

    private static Rect union(Rect a, Rect b) {
        int l = Math.min(a.x(), b.x());
        int t = Math.min(a.y(), b.y());
        int r = Math.max(a.x() + a.width(), b.x() + b.width());
        int bo = Math.max(a.y() + a.height(), b.y() + b.height());
        return new Rect(l, t, r - l, bo - t);
    }

    /** BOUNDS / REPEAT (8 bytes): pt1 left/top, pt2 right/bottom exclusive. */
    static byte[] clip(int code, Rect r) {
        return start(code).u16(r.x()).u16(r.y()).u16(r.x() + r.width()).u16(r.y() + r.height()).toArray();
    }
}
