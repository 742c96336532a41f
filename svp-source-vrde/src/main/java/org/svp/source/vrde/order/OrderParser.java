package org.svp.source.vrde.order;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
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
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.source.vrde.pixels.FramebufferPixels;

/**
 * Parses a {@code VRDEUpdate} order buffer (VRDEORDERHDR, then u32 code + packed struct per record;
 * ../shared/spec/vrde.md §4) with a bounds check before every read. Colours pass through unchanged:
 * the guest driver's vrdpColor2RGB writes 0x00RRGGBB (a framebuffer pixel), like SVP. Stateless;
 * "svp-vrde" thread.
 */
public final class OrderParser {
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

    /** Header of a VRDEORDERTEXT. */
    static final int TEXT_HEADER = 34;

    /**
     * What one buffer held.
     *
     * @param header the VRDEORDERHDR rectangle (what the update may touch)
     * @param orders the records parsed, in order
     * @param error null, or why parsing stopped early (the records before it are in {@code orders})
     */
    public record Parsed(Rect header, List<VrdeOrder> orders, String error) {
    }

    private OrderParser() {
    }

    /**
     * @param update the buffer, from position to limit
     * @return the header and the records; never throws for bad input
     */
    public static Parsed parse(ByteBuffer update) {
        ByteBuffer b = update.slice().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < 8) {
            return new Parsed(new Rect(0, 0, 0, 0), List.of(), "update of " + b.remaining() + " bytes has no header");
        }
        Rect header = new Rect(b.getShort(0), b.getShort(2), b.getShort(4) & 0xFFFF, b.getShort(6) & 0xFFFF);
        List<VrdeOrder> out = new ArrayList<>();
        int pos = 8;
        try {
            while (pos < b.limit()) {
                need(b, pos, 4, "order code");
                int code = b.getInt(pos);
                pos += 4;
                pos = record(b, code, pos, out);
            }
        } catch (MalformedOrderException | RuntimeException e) {
            return new Parsed(header, out, "at byte " + pos + ": " + e.getMessage());
        }
        return new Parsed(header, out, null);
    }

    private static int record(ByteBuffer b, int code, int p, List<VrdeOrder> out) throws MalformedOrderException {
        switch (code) {
            case DIRTY_RECT -> {
                Bitmap bm = dataBits(b, p);
                out.add(new VrdeOrder.Draw(new DirtyRect(bm)));
                return p + 13 + b.getInt(p);
            }
            case SOLIDRECT -> {
                need(b, p, 12, "SOLIDRECT");
                out.add(new VrdeOrder.Draw(new SolidRect(area(b, p), rgb(b, p + 8))));
                return p + 12;
            }
            case SOLIDBLT -> {
                need(b, p, 13, "SOLIDBLT");
                out.add(new VrdeOrder.Draw(new SolidBlt(area(b, p), rgb(b, p + 8), u8(b, p + 12))));
                return p + 13;
            }
            case DSTBLT -> {
                need(b, p, 9, "DSTBLT");
                out.add(new VrdeOrder.Draw(new DstBlt(area(b, p), u8(b, p + 8))));
                return p + 9;
            }
            case SCREENBLT -> {
                need(b, p, 13, "SCREENBLT");
                out.add(new VrdeOrder.Draw(new ScreenBlt(area(b, p), b.getShort(p + 8), b.getShort(p + 10), u8(b, p + 12))));
                return p + 13;
            }
            case PATBLTBRUSH -> {
                need(b, p, 27, "PATBLTBRUSH");
                byte[] pattern = new byte[8];
                b.get(p + 19, pattern);
                out.add(new VrdeOrder.Draw(new PatternBltBrush(area(b, p), b.get(p + 8), b.get(p + 9), rgb(b, p + 10),
                        rgb(b, p + 14), u8(b, p + 18), pattern)));
                return p + 27;
            }
            case MEMBLT -> {
                need(b, p, 29, "MEMBLT");
                out.add(new VrdeOrder.Draw(new MemBlt(area(b, p), b.getShort(p + 8), b.getShort(p + 10), u8(b, p + 12),
                        hash(b, p + 13))));
                return p + 29;
            }
            case CACHED_BITMAP -> {
                need(b, p, 16, "CACHED_BITMAP");
                BitmapHash h = hash(b, p);
                Bitmap bm = dataBits(b, p + 16);
                out.add(new VrdeOrder.Draw(new CachedBitmap(h, bm)));
                return p + 16 + 13 + b.getInt(p + 16);
            }
            case DELETED_BITMAP -> {
                need(b, p, 16, "DELETED_BITMAP");
                out.add(new VrdeOrder.Draw(new DeletedBitmap(hash(b, p))));
                return p + 16;
            }
            case LINE -> {
                need(b, p, 21, "LINE");
                out.add(new VrdeOrder.Draw(new Line(b.getShort(p), b.getShort(p + 2), b.getShort(p + 4), b.getShort(p + 6),
                        b.getShort(p + 8), b.getShort(p + 10), b.getShort(p + 12), b.getShort(p + 14),
                        mix(b, p + 16), rgb(b, p + 17))));
                return p + 21;
            }
            case BOUNDS, REPEAT -> {
                need(b, p, 8, code == BOUNDS ? "BOUNDS" : "REPEAT");
                int l = b.getShort(p);
                int t = b.getShort(p + 2);
                int r = b.getShort(p + 4);
                int bt = b.getShort(p + 6);
                Rect clip = new Rect(l, t, Math.max(0, r - l), Math.max(0, bt - t));
                out.add(code == BOUNDS ? new VrdeOrder.Bounds(clip) : new VrdeOrder.Repeat(clip));
                return p + 8;
            }
            case POLYLINE -> {
                need(b, p, 74, "POLYLINE");
                int c = u8(b, p + 9);
                if (c > 16) {
                    throw new MalformedOrderException("POLYLINE with " + c + " points (at most 16)");
                }
                List<Point> pts = new ArrayList<>(c);
                for (int i = 0; i < c; i++) {
                    pts.add(point(b, p + 10 + 4 * i));
                }
                out.add(new VrdeOrder.Draw(new Polyline(point(b, p), mix(b, p + 4), rgb(b, p + 5), pts)));
                return p + 74;
            }
            case ELLIPSE -> {
                need(b, p, 14, "ELLIPSE");
                out.add(new VrdeOrder.Draw(new Ellipse(point(b, p), point(b, p + 4), mix(b, p + 8), u8(b, p + 9),
                        rgb(b, p + 10))));
                return p + 14;
            }
            case SAVESCREEN -> {
                need(b, p, 10, "SAVESCREEN");
                Point p1 = point(b, p);
                Point p2 = point(b, p + 4);
                int restore = u8(b, p + 9);
                if (restore == 0) {
                    out.add(new VrdeOrder.Draw(new SaveScreen(p1, p2, u8(b, p + 8))));
                } else {
                    out.add(new VrdeOrder.Restore(new Rect(p1.x(), p1.y(), Math.max(0, p2.x() - p1.x()),
                            Math.max(0, p2.y() - p1.y()))));
                }
                return p + 10;
            }
            case TEXT -> {
                return text(b, p, out);
            }
            default -> throw new MalformedOrderException("unknown order code " + Integer.toUnsignedString(code));
        }
    }

    /** VRDEORDERTEXT: cbOrder counts the 34-byte header and every glyph; glyphs step by o32NextGlyph. */
    private static int text(ByteBuffer b, int p, List<VrdeOrder> out) throws MalformedOrderException {
        need(b, p, TEXT_HEADER, "TEXT");
        long cbOrder = b.getInt(p) & 0xFFFFFFFFL;
        if (cbOrder < TEXT_HEADER || p + cbOrder > b.limit()) {
            throw new MalformedOrderException("TEXT cbOrder " + cbOrder + " outside 34.." + (b.limit() - p));
        }
        int end = (int) (p + cbOrder);
        Rect bg = area(b, p + 4);
        Rect opaque = area(b, p + 12);
        int maxGlyph = b.getShort(p + 20) & 0xFFFF;
        int count = u8(b, p + 22);
        int flags = u8(b, p + 23);
        int charInc = b.getShort(p + 24) & 0xFFFF;
        int fg = rgb(b, p + 26);
        int bgColor = rgb(b, p + 30);
        List<Glyph> glyphs = new ArrayList<>(count);
        int g = p + TEXT_HEADER;
        for (int i = 0; i < count; i++) {
            if (g + Glyph.HEADER_BYTES > end) {
                throw new MalformedOrderException("TEXT glyph " + i + " starts past cbOrder");
            }
            long next = b.getInt(g) & 0xFFFFFFFFL;
            int w = b.getShort(g + 16) & 0xFFFF;
            int h = b.getShort(g + 18) & 0xFFFF;
            int min = Glyph.minimumSize(w, h);
            if (next < min || g + next > end) {
                throw new MalformedOrderException("TEXT glyph " + i + " (" + w + "x" + h + ") has o32NextGlyph " + next
                        + ", needs " + min + ".." + (end - g));
            }
            byte[] bits = new byte[((w + 7) / 8) * h];
            b.get(g + Glyph.HEADER_BYTES, bits);
            glyphs.add(new Glyph((int) next, b.getLong(g + 4), b.getShort(g + 12), b.getShort(g + 14), w, h,
                    b.getShort(g + 20), b.getShort(g + 22), bits));
            g += (int) next;
        }
        out.add(new VrdeOrder.Draw(new Text(bg, opaque, maxGlyph, flags, charInc, fg, bgColor, glyphs)));
        return end;
    }

    /** VRDEDATABITS (13 bytes) + cb bytes of top-down rows of cWidth × cbPixel bytes. */
    private static Bitmap dataBits(ByteBuffer b, int p) throws MalformedOrderException {
        need(b, p, 13, "VRDEDATABITS");
        long cb = b.getInt(p) & 0xFFFFFFFFL;
        int x = b.getShort(p + 4);
        int y = b.getShort(p + 6);
        int w = b.getShort(p + 8) & 0xFFFF;
        int h = b.getShort(p + 10) & 0xFFFF;
        int cbPixel = u8(b, p + 12);
        if (cbPixel < 1 || cbPixel > 4) {
            throw new MalformedOrderException("VRDEDATABITS cbPixel " + cbPixel);
        }
        if (cb != (long) w * h * cbPixel) {
            throw new MalformedOrderException("VRDEDATABITS " + w + "x" + h + "x" + cbPixel + " with cb " + cb);
        }
        need(b, p + 13, cb, "VRDEDATABITS pixels");
        ByteBuffer px = b.slice(p + 13, (int) cb);
        return FramebufferPixels.toBitmap(java.lang.foreign.MemorySegment.ofBuffer(px), 0, (long) w * cbPixel,
                cbPixel * 8, x, y, w, h);
    }

    private static Rect area(ByteBuffer b, int p) {
        return new Rect(b.getShort(p), b.getShort(p + 2), b.getShort(p + 4) & 0xFFFF, b.getShort(p + 6) & 0xFFFF);
    }

    private static Point point(ByteBuffer b, int p) {
        return new Point(b.getShort(p), b.getShort(p + 2));
    }

    private static int rgb(ByteBuffer b, int p) {
        return b.getInt(p) & 0xFFFFFF;
    }

    private static int u8(ByteBuffer b, int p) {
        return b.get(p) & 0xFF;
    }

    private static int mix(ByteBuffer b, int p) throws MalformedOrderException {
        int m = u8(b, p);
        if (m < 1 || m > 16) {
            throw new MalformedOrderException("ROP2 mix " + m + " is not 1..16");
        }
        return m;
    }

    private static BitmapHash hash(ByteBuffer b, int p) {
        byte[] h = new byte[BitmapHash.BYTES];
        b.get(p, h);
        return BitmapHash.of(h);
    }

    private static void need(ByteBuffer b, int p, long n, String what) throws MalformedOrderException {
        if (p < 0 || p + n > b.limit()) {
            throw new MalformedOrderException(what + " needs " + n + " bytes at " + p + ", the buffer has " + b.limit());
        }
    }
}
