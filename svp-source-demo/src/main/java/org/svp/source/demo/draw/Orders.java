package org.svp.source.demo.draw;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
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
 * Moves display orders by an offset: the demo's windows draw in window-local coordinates and the
 * window manager shifts their orders to where the window is on screen. Brush origins stay as they are
 * (they are relative to the rect), so a pattern moves with its window. Pure functions; any thread.
 */
public final class Orders {
    private Orders() {
    }

    private static Point move(Point p, int dx, int dy) {
        return new Point(p.x() + dx, p.y() + dy);
    }

    private static Bitmap move(Bitmap b, int dx, int dy) {
        return new Bitmap(b.format(), b.codec(), b.x() + dx, b.y() + dy, b.width(), b.height(), b.data());
    }

    /**
     * @param m an order
     * @param dx columns to add to every coordinate
     * @param dy rows to add
     * @return the same order drawn (dx, dy) further; orders without coordinates unchanged
     */
    public static DisplayMessage translate(DisplayMessage m, int dx, int dy) {
        if (dx == 0 && dy == 0) {
            return m;
        }
        return switch (m) {
            case SolidRect o -> new SolidRect(o.rect().translate(dx, dy), o.rgb());
            case SolidBlt o -> new SolidBlt(o.rect().translate(dx, dy), o.rgb(), o.rop3());
            case DstBlt o -> new DstBlt(o.rect().translate(dx, dy), o.rop3());
            case ScreenBlt o -> new ScreenBlt(o.rect().translate(dx, dy), o.srcX() + dx, o.srcY() + dy, o.rop3());
            case PatternBltBrush o -> new PatternBltBrush(o.rect().translate(dx, dy), o.brushX(), o.brushY(), o.fg(),
                    o.bg(), o.rop3(), o.pattern());
            case MemBlt o -> new MemBlt(o.rect().translate(dx, dy), o.srcX(), o.srcY(), o.rop3(), o.hash());
            case Line o -> new Line(o.x1() + dx, o.y1() + dy, o.x2() + dx, o.y2() + dy, o.boundX1() + dx,
                    o.boundY1() + dy, o.boundX2() + dx, o.boundY2() + dy, o.mix(), o.rgb());
            case Polyline o -> new Polyline(move(o.start(), dx, dy), o.mix(), o.rgb(),
                    o.points().stream().map(p -> move(p, dx, dy)).toList());
            case Ellipse o -> new Ellipse(move(o.p1(), dx, dy), move(o.p2(), dx, dy), o.mix(), o.fillMode(), o.rgb());
            case SaveScreen o -> new SaveScreen(move(o.p1(), dx, dy), move(o.p2(), dx, dy), o.ident());
            case RestoreScreen o -> new RestoreScreen(move(o.p1(), dx, dy), move(o.p2(), dx, dy), o.ident(),
                    move(o.bitmap(), dx, dy));
            case DirtyRect o -> new DirtyRect(move(o.bitmap(), dx, dy));
            case ClipDraw o -> new ClipDraw(o.cmdCount(), o.rects().stream().map(r -> r.translate(dx, dy)).toList());
            case Text o -> {
                List<Glyph> glyphs = new ArrayList<>(o.glyphs().size());
                for (Glyph g : o.glyphs()) {
                    glyphs.add(new Glyph(g.size(), g.handle(), g.x() + dx, g.y() + dy, g.width(), g.height(),
                            g.xOrigin(), g.yOrigin(), g.bits()));
                }
                yield new Text(o.background().translate(dx, dy), o.opaque().translate(dx, dy), o.maxGlyph(), o.flags(),
                        o.charInc(), o.fgColor(), o.bgColor(), glyphs);
            }
            default -> m;
        };
    }
}
