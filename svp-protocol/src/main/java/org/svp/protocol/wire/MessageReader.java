package org.svp.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
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
 * Decodes one message body into its record (protocol.md §3–§7). Strict: a body of the wrong size, an
 * unknown id or a field out of range gives a {@link PeerProtocolException} with the id and offset.
 * Stateless and thread-safe; called on whichever thread owns the connection.
 */
public final class MessageReader {
    /**
     * Offset reported for an unknown or reserved id: the {@code cmd} field of the 8-byte header (framing
     * errors report header offsets, as {@link FrameHeader#read} does for magic 0 and size 4).
     */
    private static final int CMD_OFFSET = 2;

    private MessageReader() {
    }

    /**
     * Decodes a whole frame (header and body) from a byte array.
     *
     * @param frame exactly one message
     * @return the message
     */
    public static Message decodeFrame(byte[] frame) {
        return decodeFrame(frame, ProtocolLimits.VERSION_1);
    }

    /**
     * Decodes a whole frame on a connection with a negotiated version.
     *
     * @param frame exactly one message
     * @param version the negotiated protocol version
     * @return the message
     */
    public static Message decodeFrame(byte[] frame, int version) {
        if (frame.length < ProtocolLimits.HEADER_LENGTH) {
            throw new PeerProtocolException(SvpStatus.BAD_LENGTH, -1, 0,
                    "a frame needs an 8-byte header, got " + frame.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(frame);
        FrameHeader h = FrameHeader.read(buf, 0, ProtocolLimits.MAX_BODY);
        if (frame.length - ProtocolLimits.HEADER_LENGTH != h.bodySize()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, h.command(), 4, "header says "
                    + h.bodySize() + " body bytes, frame has " + (frame.length - ProtocolLimits.HEADER_LENGTH));
        }
        return decode(h.command(), buf.position(ProtocolLimits.HEADER_LENGTH), version);
    }

    /**
     * Decodes a body.
     *
     * @param commandId the header's cmd
     * @param body exactly the body bytes, from position to limit (not consumed)
     * @return the message
     * @throws PeerProtocolException for anything the spec forbids
     */
    public static Message decode(int commandId, ByteBuffer body) {
        return decode(commandId, body, ProtocolLimits.VERSION_1);
    }

    /**
     * Decodes a body on a connection with a negotiated version: ids that exist only from a later
     * version (extensions, 100–999) are unknown on a v1 connection, exactly as a v1 peer sees them.
     *
     * @param commandId the header's cmd
     * @param body exactly the body bytes, from position to limit (not consumed)
     * @param version the connection's negotiated protocol version (1 until negotiated)
     * @return the message
     * @throws PeerProtocolException for anything the spec forbids
     */
    public static Message decode(int commandId, ByteBuffer body, int version) {
        MessageCodec<?> codec = MessageRegistry.lookup(commandId).filter(c -> c.minVersion() <= version)
                .orElseThrow(() -> new PeerProtocolException(SvpStatus.UNKNOWN_COMMAND, commandId, CMD_OFFSET,
                        Command.isUsb(commandId) ? "USB messages are reserved and not part of this protocol"
                                : version < ProtocolLimits.VERSION_2 ? "no v1 message has this id"
                                : "no v" + version + " message has this id"));
        BodyReader r = new BodyReader(body, commandId);
        Message m = codec.decode(r);
        if (m.command() != Command.NOP) {
            r.expectEnd();
        }
        return m;
    }

    /**
     * The v1 decoders, one per id, as {@link MessageRegistry} entries.
     *
     * @return an entry for every v1 id
     */
    static List<MessageCodec<Message>> v1Codecs() {
        List<MessageCodec<Message>> list = new ArrayList<>();
        for (Command c : Command.values()) {
            if (c.minVersion() == ProtocolLimits.VERSION_1) {
                list.add(MessageCodec.v1(c.wireId(), r -> decodeV1(c, r)));
            }
        }
        return list;
    }

    private static Message decodeV1(Command command, BodyReader r) {
        int commandId = command.wireId();
        Message m = switch (command) {
            case NOP -> new Nop();
            case SCREEN_RESIZE -> fixed(r.expectSizeThen(4), new ScreenResize(r.i16("w"), r.i16("h")));
            case CURSOR -> cursor(r);
            case DIRTY_RECT -> new DirtyRect(bitmap(r));
            case SOLID_RECT -> fixed(r.expectSizeThen(12), new SolidRect(rect(r), r.i32("rgb")));
            case SOLID_BLT -> fixed(r.expectSizeThen(13), new SolidBlt(rect(r), r.i32("rgb"), r.u8("rop3")));
            case DST_BLT -> fixed(r.expectSizeThen(9), new DstBlt(rect(r), r.u8("rop3")));
            case SCREEN_BLT -> fixed(r.expectSizeThen(13), new ScreenBlt(rect(r), r.i16("x_src"), r.i16("y_src"), r.u8("rop3")));
            case PATTERN_BLT_BRUSH -> fixed(r.expectSizeThen(27), new PatternBltBrush(rect(r), r.i8("brush_x"), r.i8("brush_y"),
                    r.i32("rgb_fg"), r.i32("rgb_bg"), r.u8("rop3"), r.bytes(8, "pattern")));
            case MEM_BLT -> fixed(r.expectSizeThen(29), new MemBlt(rect(r), r.i16("x_src"), r.i16("y_src"), r.u8("rop3"), hash(r)));
            case CACHED_BITMAP -> new CachedBitmap(hash(r), bitmap(r));
            case DELETED_BITMAP -> fixed(r.expectSizeThen(16), new DeletedBitmap(hash(r)));
            case LINE -> fixed(r.expectSizeThen(21), new Line(r.i16("x1"), r.i16("y1"), r.i16("x2"), r.i16("y2"), r.i16("bx1"),
                    r.i16("by1"), r.i16("bx2"), r.i16("by2"), mix(r), r.i32("rgb")));
            case CLIP_DRAW -> clipDraw(r);
            case POLYLINE -> polyline(r);
            case ELLIPSE -> fixed(r.expectSizeThen(14), new Ellipse(point(r), point(r), mix(r), r.u8("fill_mode"), r.i32("rgb")));
            case SAVE_SCREEN -> saveScreen(r);
            case RESTORE_SCREEN -> restoreScreen(r);
            case TEXT -> text(r);
            case REFRESH_SCREEN -> throw new PeerProtocolException(SvpStatus.UNKNOWN_COMMAND, commandId, CMD_OFFSET,
                    "REFRESH_SCREEN is reserved in v1 and has no defined body");
            case KEYBOARD_EVENT -> fixed(r.expectSizeThen(5), new KeyboardEvent(down(r), r.i32("scancode")));
            case MOUSE_EVENT -> fixed(r.expectSizeThen(6), new MouseEvent(r.i16("x"), r.i16("y"), r.i16("buttons")));
            case VIDEO_MODESET -> fixed(r.expectSizeThen(5), new VideoModeset(r.u16("w"), r.u16("h"), r.u8("depth")));
            case GRAPHIC_CONFIG -> graphicConfig(r);
            case MAIN_CHANNEL_INIT -> fixed(r.expectSizeThen(8), new MainChannelInit(r.u32("client_version"), r.u16("rtt_ms"),
                    r.u16("bandwidth_mbit")));
            case CHANNEL_LIST -> channelList(r);
            case CHANNEL_INIT -> fixed(r.expectSizeThen(8), new ChannelInit(r.u16("channel_type"), r.u16("queue_length"),
                    r.i32("features")));
            case CHANNEL_READY -> fixed(r.expectSizeThen(4), new ChannelReady(r.i32("features")));
            default -> throw new IllegalStateException(command + " is not a v1 message");
        };
        return m;
    }

    /**
     * Java evaluates arguments left to right, so in {@code fixed(r.expectSizeThen(n), new X(...))} the
     * exact-size check runs before any field is read: a wrong size reports BAD_BODY_SIZE, not a short read.
     */
    private static <T> T fixed(BodyReader checked, T value) {
        return value;
    }

    private static Rect rect(BodyReader r) {
        return new Rect(r.i16("rect.x"), r.i16("rect.y"), r.u16("rect.w"), r.u16("rect.h"));
    }

    private static Point point(BodyReader r) {
        return new Point(r.i16("point.x"), r.i16("point.y"));
    }

    private static BitmapHash hash(BodyReader r) {
        return BitmapHash.of(r.bytes(BitmapHash.BYTES, "hash"));
    }

    private static int mix(BodyReader r) {
        int at = r.offset();
        int mix = r.u8("mix");
        if (mix < 1 || mix > 16) {
            throw r.badField(at, "mix (ROP2) must be 1..16, got " + mix);
        }
        return mix;
    }

    private static boolean down(BodyReader r) {
        int at = r.offset();
        int d = r.u8("down");
        if (d > 1) {
            throw r.badField(at, "down must be 0 or 1, got " + d);
        }
        return d == 1;
    }

    private static Bitmap bitmap(BodyReader r) {
        int at = r.offset();
        long size = r.u32("pac_bitmap.size");
        int formatAt = r.offset();
        int formatId = r.i16("pac_bitmap.format");
        int codec = r.i16("pac_bitmap.codec");
        int x = r.i16("pac_bitmap.x");
        int y = r.i16("pac_bitmap.y");
        int w = r.u16("pac_bitmap.w");
        int h = r.u16("pac_bitmap.h");
        PixelFormat format = PixelFormat.fromWireId(formatId)
                .orElseThrow(() -> r.badField(formatAt, "unknown pixel format " + formatId));
        if (size != r.remaining()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, r.command(), at,
                    "pac_bitmap.size is " + size + " but " + r.remaining() + " data bytes follow");
        }
        return new Bitmap(format, codec, x, y, w, h, r.bytes(size, "bitmap data"));
    }

    private static CursorShape cursor(BodyReader r) {
        int xHot = r.u16("x_hot");
        int yHot = r.u16("y_hot");
        int w = r.u16("w");
        int h = r.u16("h");
        int maskLen = r.u16("mask_len");
        int dataLen = r.u16("data_len");
        if (12L + maskLen + dataLen != r.size()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, r.command(), 8, "mask_len " + maskLen
                    + " + data_len " + dataLen + " + 12 does not match the body size " + r.size());
        }
        return new CursorShape(xHot, yHot, w, h, r.bytes(maskLen, "AND mask"), r.bytes(dataLen, "colour data"));
    }

    private static ClipDraw clipDraw(BodyReader r) {
        int cmdCount = r.u16("cmd_count");
        int countAt = r.offset();
        int rectCount = r.u16("rect_count");
        if (rectCount > ProtocolLimits.MAX_CLIP_RECTS) {
            throw r.badField(countAt, "rect_count " + rectCount + " exceeds " + ProtocolLimits.MAX_CLIP_RECTS);
        }
        if (r.size() != 4 + 8 * rectCount) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, r.command(), 0,
                    "rect_count " + rectCount + " needs a " + (4 + 8 * rectCount) + "-byte body, got " + r.size());
        }
        List<Rect> rects = new ArrayList<>(rectCount);
        for (int i = 0; i < rectCount; i++) {
            rects.add(rect(r));
        }
        return new ClipDraw(cmdCount, rects);
    }

    private static Polyline polyline(BodyReader r) {
        r.expectSize(74);
        Point start = point(r);
        int mix = mix(r);
        int rgb = r.i32("rgb");
        int countAt = r.offset();
        int count = r.u8("count");
        if (count > ProtocolLimits.POLYLINE_SLOTS) {
            throw r.badField(countAt, "count " + count + " exceeds the 16 point slots");
        }
        List<Point> points = new ArrayList<>(count);
        for (int i = 0; i < ProtocolLimits.POLYLINE_SLOTS; i++) {
            Point p = point(r);
            if (i < count) {
                points.add(p); // slots past count may hold garbage from a v1 sender: ignored
            }
        }
        return new Polyline(start, mix, rgb, points);
    }

    private static SaveScreen saveScreen(BodyReader r) {
        r.expectSize(10);
        Point p1 = point(r);
        Point p2 = point(r);
        int ident = r.u8("ident");
        int at = r.offset();
        int restore = r.u8("restore");
        if (restore != 0) {
            throw r.badField(at, "SAVE_SCREEN must have restore = 0, got " + restore);
        }
        return new SaveScreen(p1, p2, ident);
    }

    private static RestoreScreen restoreScreen(BodyReader r) {
        Point p1 = point(r);
        Point p2 = point(r);
        int ident = r.u8("ident");
        int at = r.offset();
        int restore = r.u8("restore");
        if (restore != 1) {
            throw r.badField(at, "RESTORE_SCREEN must have restore = 1, got " + restore);
        }
        return new RestoreScreen(p1, p2, ident, bitmap(r));
    }

    private static Text text(BodyReader r) {
        r.u32("glyph_bytes"); // informational: framing uses the header size (protocol.md §4)
        Rect bg = rect(r);
        Rect opaque = rect(r);
        int maxGlyph = r.u16("max_glyph");
        int count = r.u8("glyph_count");
        int flags = r.u8("flags");
        int charInc = r.u16("char_inc");
        int fg = r.i32("rgb_fg");
        int bgColor = r.i32("rgb_bg");
        List<Glyph> glyphs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = r.offset();
            if (r.remaining() < Glyph.HEADER_BYTES) {
                throw r.badField(at, "glyph " + i + " of " + count + " starts past the message end");
            }
            long size = r.u32("glyph.size");
            long handle = r.i64("glyph.handle");
            int x = r.i16("glyph.x");
            int y = r.i16("glyph.y");
            int w = r.u16("glyph.w");
            int h = r.u16("glyph.h");
            int xo = r.i16("glyph.x_origin");
            int yo = r.i16("glyph.y_origin");
            long min = Glyph.minimumSize(w, h);
            if (size < min) {
                throw r.badField(at, "glyph " + i + " size " + size + " is smaller than 24 + padded bitmap (" + min + ")");
            }
            if (size - Glyph.HEADER_BYTES > r.remaining()) {
                throw r.badField(at, "glyph " + i + " of size " + size + " runs past the message end ("
                        + (r.remaining() + Glyph.HEADER_BYTES) + " bytes left)");
            }
            byte[] bits = r.bytes((long) ((w + 7) / 8) * h, "glyph bitmap");
            r.skip((int) (size - Glyph.HEADER_BYTES - bits.length), "glyph padding");
            glyphs.add(new Glyph((int) size, handle, x, y, w, h, xo, yo, bits));
        }
        return new Text(bg, opaque, maxGlyph, flags, charInc, fg, bgColor, glyphs);
    }

    private static GraphicConfig graphicConfig(BodyReader r) {
        long n = r.u32("n");
        if (n != r.remaining()) {
            throw new PeerProtocolException(SvpStatus.BAD_BODY_SIZE, r.command(), 0,
                    "n is " + n + " but " + r.remaining() + " text bytes follow");
        }
        return new GraphicConfig(new String(r.bytes(n, "INI text"), StandardCharsets.ISO_8859_1));
    }

    private static ChannelList channelList(BodyReader r) {
        r.expectSize(ChannelList.BODY_BYTES);
        long version = r.u32("server_version");
        int countAt = r.offset();
        int count = r.u16("count");
        if (count > ProtocolLimits.CHANNEL_LIST_SLOTS) {
            throw r.badField(countAt, "count " + count + " exceeds the 8 slots");
        }
        List<ChannelEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < ProtocolLimits.CHANNEL_LIST_SLOTS; i++) {
            ChannelEntry e = new ChannelEntry(r.u16("slot.channel_type"), r.u16("slot.port"));
            if (i < count) {
                entries.add(e); // slots past count may hold heap garbage from a v1 server: ignored
            }
        }
        return new ChannelList(version, entries);
    }
}
