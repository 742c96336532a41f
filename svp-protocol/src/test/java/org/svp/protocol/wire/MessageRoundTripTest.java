package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.svp.protocol.CodecId;
import org.svp.protocol.Command;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
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

/** Record → bytes → record for every message type, with boundary values of each field's wire type. */
class MessageRoundTripTest {

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static BitmapHash hash(int seed) {
        return BitmapHash.of(bytes(16, seed));
    }

    static Stream<Message> messages() {
        List<Rect> clip64 = IntStream.range(0, 64).mapToObj(i -> new Rect(i - 32, -i, i * 100, 65535 - i)).toList();
        List<Point> points16 = IntStream.range(0, 16).mapToObj(i -> new Point(-32768 + i, 32767 - i)).toList();
        List<ChannelEntry> slots8 = IntStream.range(0, 8).mapToObj(i -> new ChannelEntry(i, 65535 - i)).toList();
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            int w = i % 17;
            int h = i % 5;
            glyphs.add(Glyph.of(-i, i, -i, w, h, -1, 1, bytes(((w + 7) / 8) * h, i)));
        }
        glyphs.set(3, new Glyph(Glyph.minimumSize(9, 3) + 12, 7, 1, 2, 9, 3, 0, 0, bytes(6, 3)));
        return Stream.of(
                new Nop(),
                new ScreenResize(1920, 1080),
                new ScreenResize(-1, 32767),
                new CursorShape(31, 0, 32, 32, bytes(128, 1), bytes(3072, 2)),
                new CursorShape(0, 0, 0, 0, new byte[0], new byte[0]),
                new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, -32768, 32767, 65535, 0, new byte[0])),
                new DirtyRect(new Bitmap(PixelFormat.MONO, CodecId.LZ4, 1, 2, 3, 4, bytes(3, 4))),
                new DirtyRect(new Bitmap(PixelFormat.RGB16, CodecId.USER, 0, 0, 100, 100, bytes(20000, 5))),
                new SolidRect(new Rect(-5, -6, 65535, 65535), 0x00FFFFFF),
                new SolidBlt(new Rect(1, 2, 3, 4), 0x00ABCDEF, 0xFF),
                new DstBlt(new Rect(1, 2, 3, 4), 0x00),
                new ScreenBlt(new Rect(10, 20, 30, 40), -32768, 32767, 0xCC),
                new PatternBltBrush(new Rect(1, 2, 3, 4), -128, 127, 0x00123456, 0x00654321, 0x5A, bytes(8, 6)),
                new MemBlt(new Rect(1, 2, 3, 4), 5, 6, 0x88, hash(7)),
                new CachedBitmap(hash(8), new Bitmap(PixelFormat.BGR24, CodecId.RAW, 0, 0, 2, 2, bytes(12, 9))),
                new DeletedBitmap(hash(10)),
                new Line(-1, -2, -3, -4, -5, -6, -7, -8, 1, 0x00FF00FF),
                new Line(32767, 0, 0, 32767, 0, 0, 32767, 32767, 16, 0),
                new ClipDraw(65535, clip64),
                new Polyline(new Point(-1, -1), 7, 0x00000001, points16),
                new Polyline(new Point(0, 0), 16, 0, List.of()),
                new Ellipse(new Point(1, 2), new Point(3, 4), 13, 0, 0x00C0FFEE),
                new SaveScreen(new Point(-1, -2), new Point(3, 4), 255),
                new RestoreScreen(new Point(5, 6), new Point(9, 8), 255,
                        new Bitmap(PixelFormat.RGB24, CodecId.RAW, 99, 98, 1, 1, bytes(3, 11))),
                new Text(new Rect(-1, -2, 3, 4), new Rect(5, 6, 7, 8), 65535, 255, 65535, 0x00FFFFFF, 0x00010203,
                        glyphs),
                new Text(new Rect(0, 0, 0, 0), new Rect(0, 0, 0, 0), 0, 0, 0, 0, 0, List.of()),
                new KeyboardEvent(true, 0xE04B),
                new KeyboardEvent(false, 0xFFFFFFFF),
                new MouseEvent(-32768, 32767, 31),
                new VideoModeset(65535, 0, 255),
                new GraphicConfig("[general]\nprefercodec = 255\n[lz4]\nhighcompression = 1\n\u00e9\u00ff"),
                new MainChannelInit(0xFFFFFFFFL, 65535, 65535),
                new ChannelList(1, slots8),
                new ChannelInit(4, 65535, 0x80000000),
                new ChannelReady(0x00000301));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void recordSurvivesEncodeThenDecode(Message m) {
        byte[] wire = MessageWriter.encode(m);
        assertThat(wire).hasSize(8 + MessageWriter.bodySize(m));
        Message back = MessageReader.decodeFrame(wire);
        assertThat(back).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(m);
        assertThat(MessageWriter.encode(back)).isEqualTo(wire);
    }

    @Test
    void byteArrayFieldsAreCopiedOutOfTheWireBuffer() {
        byte[] wire = MessageWriter.encode(new DirtyRect(new Bitmap(PixelFormat.RGB8, 0, 0, 0, 2, 1, new byte[] {7, 9})));
        DirtyRect d = (DirtyRect) MessageReader.decodeFrame(wire);
        wire[wire.length - 1] = 0;
        assertThat(d.bitmap().data()).containsExactly(7, 9);
    }

    @Test
    void graphicConfigOutsideLatin1EncodesOneBytePerCodePointAndStaysDecodable() {
        GraphicConfig g = new GraphicConfig("x\uD83D\uDE00\u20AC"); // a surrogate pair (2 chars) and the euro sign
        byte[] wire = MessageWriter.encode(g);
        assertThat(MessageWriter.bodySize(g)).isEqualTo(4 + 3);
        assertThat(wire).containsExactly(WireBytes.hex("5a7f 2100 07000000 | 03000000 78 3f 3f"));
        assertThat(MessageReader.decodeFrame(wire)).isEqualTo(new GraphicConfig("x??"));
    }

    @Test
    void everyV1MessageTypeIsRoundTripped() {
        Set<Command> covered = messages().map(Message::command).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(Command.class)));
        Set<Command> v1 = EnumSet.noneOf(Command.class);
        for (Command c : Command.values()) {
            if (c.minVersion() == 1 && c != Command.REFRESH_SCREEN) {
                v1.add(c);
            }
        }
        assertThat(covered).isEqualTo(v1); // the v2 hand-shake messages: HandshakeMessagesTest
    }
}
