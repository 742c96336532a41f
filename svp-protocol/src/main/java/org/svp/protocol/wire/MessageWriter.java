package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.svp.protocol.Point;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.ExtensionMessage;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.RestoreScreen;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.protocol.message.VideoModeset;

/**
 * Encodes records to their exact wire bytes (v1 here; extension messages through {@link MessageRegistry}) (little-endian, packed). Stateless and thread-safe: encoder
 * workers and I/O threads call it concurrently.
 */
public final class MessageWriter {
    private MessageWriter() {
    }

    /**
     * @param m a message
     * @return header plus body, ready for the wire
     */
    public static byte[] encode(Message m) {
        int body = bodySize(m);
        ByteBuffer out = ByteBuffer.allocate(ProtocolLimits.HEADER_LENGTH + body).order(ByteOrder.LITTLE_ENDIAN);
        write(m, out);
        return out.array();
    }

    /**
     * Writes header and body at the buffer's position.
     *
     * @param m a message
     * @param out a buffer with {@code 8 + bodySize(m)} bytes remaining; switched to little-endian
     */
    public static void write(Message m, ByteBuffer out) {
        out.order(ByteOrder.LITTLE_ENDIAN);
        new FrameHeader(m.command().wireId(), bodySize(m)).write(out);
        writeBody(m, out);
    }

    /**
     * @param m a message
     * @return the body length in bytes (header excluded)
     */
    public static int bodySize(Message m) {
        return switch (m) {
            case Nop n -> 0;
            case ScreenResize s -> 4;
            case CursorShape c -> CursorShape.HEADER_BYTES + c.andMask().length + c.color().length;
            case DirtyRect d -> d.bitmap().wireSize();
            case SolidRect s -> 12;
            case SolidBlt s -> 13;
            case DstBlt d -> 9;
            case ScreenBlt s -> 13;
            case PatternBltBrush p -> 27;
            case MemBlt mb -> 29;
            case CachedBitmap c -> BitmapHash.BYTES + c.bitmap().wireSize();
            case DeletedBitmap d -> 16;
            case Line l -> 21;
            case ClipDraw c -> 4 + Rect.BYTES * c.rects().size();
            case Polyline p -> 74;
            case Ellipse e -> 14;
            case SaveScreen s -> 10;
            case RestoreScreen r -> 10 + r.bitmap().wireSize();
            case Text t -> Text.HEADER_BYTES + glyphBytes(t);
            case KeyboardEvent k -> 5;
            case MouseEvent me -> 6;
            case VideoModeset v -> 5;
            case GraphicConfig g -> 4 + iniBytes(g).length;
            case MainChannelInit mi -> 8;
            case ChannelList cl -> ChannelList.BODY_BYTES;
            case ChannelInit ci -> 8;
            case ChannelReady cr -> 4;
            case ExtensionMessage e -> MessageRegistry.codecFor(e).bodySize(e);
        };
    }

    /**
     * The INI text as sent: one byte per code point (ISO-8859-1, unmappable ones as {@code ?}). Sizes
     * must come from these bytes, not from {@code String.length()}, which counts a supplementary
     * character as two chars but encodes it as one byte.
     */
    private static byte[] iniBytes(GraphicConfig g) {
        return g.iniText().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static int glyphBytes(Text t) {
        int sum = 0;
        for (Glyph g : t.glyphs()) {
            sum += g.size();
        }
        return sum;
    }

    /** The body of any message; v1 here, extensions through their registered codec. */
    static void writeBody(Message m, ByteBuffer o) {
        switch (m) {
            case ExtensionMessage e -> MessageRegistry.codecFor(e).writeBody(e, o);
            case Nop n -> { }
            case ScreenResize s -> o.putShort((short) s.width()).putShort((short) s.height());
            case CursorShape c -> o.putShort((short) c.xHot()).putShort((short) c.yHot()).putShort((short) c.width())
                    .putShort((short) c.height()).putShort((short) c.andMask().length)
                    .putShort((short) c.color().length).put(c.andMask()).put(c.color());
            case DirtyRect d -> bitmap(o, d.bitmap());
            case SolidRect s -> rect(o, s.rect()).putInt(s.rgb());
            case SolidBlt s -> rect(o, s.rect()).putInt(s.rgb()).put((byte) s.rop3());
            case DstBlt d -> rect(o, d.rect()).put((byte) d.rop3());
            case ScreenBlt s -> rect(o, s.rect()).putShort((short) s.srcX()).putShort((short) s.srcY())
                    .put((byte) s.rop3());
            case PatternBltBrush p -> rect(o, p.rect()).put((byte) p.brushX()).put((byte) p.brushY()).putInt(p.fg())
                    .putInt(p.bg()).put((byte) p.rop3()).put(p.pattern());
            case MemBlt mb -> hash(rect(o, mb.rect()).putShort((short) mb.srcX()).putShort((short) mb.srcY())
                    .put((byte) mb.rop3()), mb.hash());
            case CachedBitmap c -> bitmap(hash(o, c.hash()), c.bitmap());
            case DeletedBitmap d -> hash(o, d.hash());
            case Line l -> o.putShort((short) l.x1()).putShort((short) l.y1()).putShort((short) l.x2())
                    .putShort((short) l.y2()).putShort((short) l.boundX1()).putShort((short) l.boundY1())
                    .putShort((short) l.boundX2()).putShort((short) l.boundY2()).put((byte) l.mix()).putInt(l.rgb());
            case ClipDraw c -> {
                o.putShort((short) c.cmdCount()).putShort((short) c.rects().size());
                c.rects().forEach(r -> rect(o, r));
            }
            case Polyline p -> {
                point(o, p.start()).put((byte) p.mix()).putInt(p.rgb()).put((byte) p.points().size());
                for (int i = 0; i < ProtocolLimits.POLYLINE_SLOTS; i++) {
                    point(o, i < p.points().size() ? p.points().get(i) : new Point(0, 0));
                }
            }
            case Ellipse e -> point(point(o, e.p1()), e.p2()).put((byte) e.mix()).put((byte) e.fillMode()).putInt(e.rgb());
            case SaveScreen s -> point(point(o, s.p1()), s.p2()).put((byte) s.ident()).put((byte) 0);
            case RestoreScreen r -> bitmap(point(point(o, r.p1()), r.p2()).put((byte) r.ident()).put((byte) 1), r.bitmap());
            case Text t -> text(o, t);
            case KeyboardEvent k -> o.put((byte) (k.down() ? 1 : 0)).putInt(k.scancode());
            case MouseEvent me -> o.putShort((short) me.x()).putShort((short) me.y()).putShort((short) me.buttons());
            case VideoModeset v -> o.putShort((short) v.width()).putShort((short) v.height()).put((byte) v.depth());
            case GraphicConfig g -> {
                byte[] text = iniBytes(g);
                o.putInt(text.length).put(text);
            }
            case MainChannelInit mi -> o.putInt((int) mi.clientVersion()).putShort((short) mi.rttMs())
                    .putShort((short) mi.bandwidthMbit());
            case ChannelList cl -> {
                o.putInt((int) cl.serverVersion()).putShort((short) cl.channels().size());
                for (int i = 0; i < ProtocolLimits.CHANNEL_LIST_SLOTS; i++) {
                    ChannelEntry e = i < cl.channels().size() ? cl.channels().get(i) : new ChannelEntry(0, 0);
                    o.putShort((short) e.channelType()).putShort((short) e.port());
                }
            }
            case ChannelInit ci -> o.putShort((short) ci.channelType()).putShort((short) ci.queueLength())
                    .putInt(ci.features());
            case ChannelReady cr -> o.putInt(cr.features());
        }
    }

    private static ByteBuffer rect(ByteBuffer o, Rect r) {
        return o.putShort((short) r.x()).putShort((short) r.y()).putShort((short) r.width()).putShort((short) r.height());
    }

    private static ByteBuffer point(ByteBuffer o, Point p) {
        return o.putShort((short) p.x()).putShort((short) p.y());
    }

    private static ByteBuffer hash(ByteBuffer o, BitmapHash h) {
        for (int i = 0; i < BitmapHash.BYTES; i++) {
            o.put(h.byteAt(i));
        }
        return o;
    }

    private static ByteBuffer bitmap(ByteBuffer o, Bitmap b) {
        return o.putInt(b.data().length).putShort((short) b.format().wireId()).putShort((short) b.codec())
                .putShort((short) b.x()).putShort((short) b.y()).putShort((short) b.width())
                .putShort((short) b.height()).put(b.data());
    }

    private static void text(ByteBuffer o, Text t) {
        o.putInt(glyphBytes(t));
        rect(o, t.background());
        rect(o, t.opaque());
        o.putShort((short) t.maxGlyph()).put((byte) t.glyphs().size()).put((byte) t.flags())
                .putShort((short) t.charInc()).putInt(t.fgColor()).putInt(t.bgColor());
        for (Glyph g : t.glyphs()) {
            o.putInt(g.size()).putLong(g.handle()).putShort((short) g.x()).putShort((short) g.y())
                    .putShort((short) g.width()).putShort((short) g.height()).putShort((short) g.xOrigin())
                    .putShort((short) g.yOrigin()).put(g.bits());
            int pad = g.size() - Glyph.HEADER_BYTES - g.bits().length;
            for (int i = 0; i < pad; i++) {
                o.put((byte) 0);
            }
        }
    }
}
