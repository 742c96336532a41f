package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.protocol.wire.WireBytes.golden;
import static org.svp.protocol.wire.WireBytes.hex;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.svp.protocol.CodecId;
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

/**
 * Exact wire bytes against records. Two tables, each driving both the reader test (bytes → record,
 * every field compared) and the writer test (record → the same bytes), as Guacamole's TEST_CASES do:
 * {@link #captured()} holds every message captured from the original v1 implementation
 * ({@code src/test/resources/golden/*.hex}, copied from {@code spec/v1-vectors}; expected fields typed
 * from each vector's "decoded" section), {@link #fromSpec()} holds messages the capture lacks, written
 * from the tables in protocol.md.
 */
class MessageGoldenTest {

    /** One message: where its bytes are, and the record they mean. */
    record Case(String name, byte[] wire, Message expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final BitmapHash HASH_A0 = BitmapHash.of(hex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"));

    private static Case cap(String stem, int index, Message expected) {
        return new Case(stem + "#" + index, golden(stem).get(index), expected);
    }

    private static Case spec(String name, String wireHex, Message expected) {
        return new Case(name, hex(wireHex), expected);
    }

    /** The 8×8 cursor's colour: B,G,R = ff 00 80 where x < y, black elsewhere (cursor-2-cursor.txt). */
    private static byte[] cursorColour() {
        byte[] c = new byte[8 * 8 * 3];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < y; x++) {
                int p = (y * 8 + x) * 3;
                c[p] = (byte) 0xFF;
                c[p + 1] = 0x00;
                c[p + 2] = (byte) 0x80;
            }
        }
        return c;
    }

    static Stream<Case> captured() {
        return Stream.of(
                cap("main-40-main_channel_init", 0, new MainChannelInit(1, 2, 100)),
                cap("main-41-channel_list", 0, new ChannelList(1, List.of(new ChannelEntry(0, 5678),
                        new ChannelEntry(1, 5679), new ChannelEntry(2, 5680), new ChannelEntry(3, 5681),
                        new ChannelEntry(4, 5682)))),
                cap("display-42-channel_init", 0, new ChannelInit(1, 0, 0xFFFFFFFF)),
                cap("cursor-42-channel_init", 0, new ChannelInit(2, 0, 0xFFFFFFFF)),
                cap("input-42-channel_init", 0, new ChannelInit(3, 0, 0xFFFFFFFF)),
                cap("usb-42-channel_init", 0, new ChannelInit(4, 0, 0xFFFFFFFF)),
                cap("display-43-channel_ready", 0, new ChannelReady(0xFFFFFFFF)),
                cap("cursor-43-channel_ready", 0, new ChannelReady(0x00000001)),
                cap("input-43-channel_ready", 0, new ChannelReady(0x00000001)),
                cap("usb-43-channel_ready", 0, new ChannelReady(0x00000001)),
                cap("display-33-graphic_config", 0, new GraphicConfig("\n[general]\nprefercodec                    = 1"
                        + "\n\n\n[lz4]\nhighcompression                = 0\n\n\n")),
                cap("display-1-screen_resize", 0, new ScreenResize(640, 480)),
                cap("display-10-dirty_rect-lz4", 0, new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 32, 48,
                        16, 8, hex("4f 60 40 20 00 04 00 ff e5 50 00 60 40 20 00")))),
                cap("display-10-dirty_rect-raw", 0, new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.RAW, 200, 100,
                        4, 2, hex("0b 37 49 45 ef 6b 15 59 f3 6f c1 ed 37 73 4d 11 5b 67 79 15 1f 1b 05 29 43 bf b1 1d"
                                + " 67 c3 fd c1")))),
                cap("display-11-solid_rect", 0, new SolidRect(new Rect(10, 20, 100, 50), 0x00FF0000)),
                cap("display-12-solid_blt", 0, new SolidBlt(new Rect(15, 25, 30, 40), 0x0000FF00, 0xF0)),
                cap("display-13-dst_blt", 0, new DstBlt(new Rect(5, 6, 7, 8), 0x55)),
                cap("display-14-screen_blt", 0, new ScreenBlt(new Rect(100, 110, 50, 40), 10, 20, 0xCC)),
                cap("display-15-pattern_blt_brush", 0, new PatternBltBrush(new Rect(200, 210, 16, 16), 1, 2,
                        0x00112233, 0x00445566, 0xF0, hex("aa 55 aa 55 f0 0f ff 00"))),
                cap("display-16-mem_blt", 0, new MemBlt(new Rect(300, 310, 4, 2), 0, 0, 0xCC, HASH_A0)),
                cap("display-17-cached_bitmap", 0, new CachedBitmap(HASH_A0, new Bitmap(PixelFormat.RGB32,
                        CodecId.RAW, 0, 0, 4, 2, hex("101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f")))),
                cap("display-18-deleted_bitmap", 0, new DeletedBitmap(HASH_A0)),
                cap("display-19-line", 0, new Line(10, 10, 200, 100, 10, 10, 200, 100, 13, 0x000000FF)),
                cap("display-20-clip_draw", 0, new ClipDraw(1, List.of(new Rect(50, 60, 100, 100),
                        new Rect(300, 300, 40, 20)))),
                cap("display-20-clip_draw", 1, new SolidRect(new Rect(40, 50, 200, 200), 0x00808080)),
                cap("display-21-polyline", 0, new Polyline(new Point(20, 30), 13, 0x00FFFF00,
                        List.of(new Point(60, 30), new Point(60, 70), new Point(20, 70)))),
                cap("display-22-ellipse", 0, new Ellipse(new Point(100, 100), new Point(200, 150), 13, 1, 0x0000FFFF)),
                cap("display-23-save_screen", 0, new SaveScreen(new Point(10, 10), new Point(50, 40), 1)),
                cap("display-24-restore_screen", 0, new RestoreScreen(new Point(10, 10), new Point(14, 12), 1,
                        new Bitmap(PixelFormat.RGB32, CodecId.RAW, 10, 10, 4, 2,
                                hex("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf")))),
                cap("display-25-text", 0, new Text(new Rect(100, 300, 20, 10), new Rect(100, 300, 20, 10), 10, 0, 0,
                        0x00FFFFFF, 0x00000000, List.of(
                                new Glyph(32, 0x1122334455667788L, 100, 301, 8, 8, 0, 1, hex("18 24 42 7e 42 42 42 00")),
                                new Glyph(32, 0x99AABBCCDDEEFF00L, 110, 303, 10, 4, 2, 3, hex("ff c0 80 40 80 40 ff c0"))))),
                cap("cursor-2-cursor", 0, new CursorShape(3, 4, 8, 8, hex("7f 3f 1f 0f 07 03 01 00"), cursorColour())),
                cap("input-30-keyboard_event", 0, new KeyboardEvent(false, 0x1C)),
                cap("input-30-keyboard_event", 1, new KeyboardEvent(true, 0x1E)),
                cap("input-30-keyboard_event", 2, new KeyboardEvent(false, 0x1E)),
                cap("input-30-keyboard_event", 3, new KeyboardEvent(true, 0xE04B)),
                cap("input-30-keyboard_event", 4, new KeyboardEvent(false, 0xE04B)),
                cap("input-31-mouse_event", 0, new MouseEvent(120, 120, 0)),
                cap("input-31-mouse_event", 1, new MouseEvent(170, 150, 0)),
                cap("input-31-mouse_event", 2, new MouseEvent(170, 150, 1)),
                cap("input-31-mouse_event", 3, new MouseEvent(170, 150, 0)));
    }

    static Stream<Case> fromSpec() {
        return Stream.of(
                spec("NOP, empty body", "5a7f 0000 00000000", new Nop()),
                spec("VIDEO_MODESET 800x600x32", "5a7f 2000 05000000 | 2003 5802 20", new VideoModeset(800, 600, 32)),
                spec("VIDEO_MODESET 65535x1x8 (uint16)", "5a7f 2000 05000000 | ffff 0100 08",
                        new VideoModeset(65535, 1, 8)),
                spec("DIRTY_RECT BGR24 (2)", "5a7f 0a00 16000000 | 06000000 0200 0000 0100 0200 0200 0100 | 112233 445566",
                        new DirtyRect(new Bitmap(PixelFormat.BGR24, CodecId.RAW, 1, 2, 2, 1, hex("112233445566")))),
                spec("DIRTY_RECT RGB24 (3), negative x,y", "5a7f 0a00 16000000 | 06000000 0300 0000 ffff feff 0100 0200"
                        + " | aabbcc ddeeff",
                        new DirtyRect(new Bitmap(PixelFormat.RGB24, CodecId.RAW, -1, -2, 1, 2, hex("aabbccddeeff")))),
                spec("DIRTY_RECT RGB16 (4)", "5a7f 0a00 18000000 | 08000000 0400 0000 0a00 0b00 0200 0200 | 1f00 e007 00f8 ffff",
                        new DirtyRect(new Bitmap(PixelFormat.RGB16, CodecId.RAW, 10, 11, 2, 2, hex("1f00e00700f8ffff")))),
                spec("DIRTY_RECT RGB8 (5)", "5a7f 0a00 13000000 | 03000000 0500 0000 0000 0000 0300 0100 | 00 01 80",
                        new DirtyRect(new Bitmap(PixelFormat.RGB8, CodecId.RAW, 0, 0, 3, 1, hex("000180")))),
                spec("DIRTY_RECT MONO (6), 9 wide = 2-byte rows", "5a7f 0a00 14000000 | 04000000 0600 0000 0400 0400 0900"
                        + " 0200 | ff80 aa00",
                        new DirtyRect(new Bitmap(PixelFormat.MONO, CodecId.RAW, 4, 4, 9, 2, hex("ff80aa00")))),
                spec("TEXT glyph size 36 > minimum 32, zero padding", "5a7f 1900 46000000"
                        + " | 24000000 0a00 1400 1e00 0a00 0000 0000 0000 0000 0300 01 00 0400 0000ff00 00000000"
                        + " | 24000000 0807060504030201 0c00 1500 0300 0500 0000 feff | e0 a0 e0 a0 a0 | 00000000000000",
                        new Text(new Rect(10, 20, 30, 10), new Rect(0, 0, 0, 0), 3, 0, 4, 0x00FF0000, 0, List.of(
                                new Glyph(36, 0x0102030405060708L, 12, 21, 3, 5, 0, -2, hex("e0a0e0a0a0"))))),
                spec("TEXT with one 0x0 space glyph of size 24", "5a7f 1900 3a000000"
                        + " | 18000000 0000 0000 0000 0000 0000 0000 0000 0000 0000 01 00 0800 ffffff00 00000000"
                        + " | 18000000 0100000000000000 0500 0600 0000 0000 0000 0000",
                        new Text(new Rect(0, 0, 0, 0), new Rect(0, 0, 0, 0), 0, 0, 8, 0x00FFFFFF, 0, List.of(
                                new Glyph(24, 1, 5, 6, 0, 0, 0, 0, new byte[0])))),
                spec("CLIP_DRAW with no rects", "5a7f 1400 04000000 | 0300 0000", new ClipDraw(3, List.of())),
                spec("CHANNEL_LIST with 0 channels", "5a7f 2900 26000000 | 02000000 0000 | " + "00".repeat(32),
                        new ChannelList(2, List.of())),
                spec("GRAPHIC_CONFIG empty text", "5a7f 2100 04000000 | 00000000", new GraphicConfig("")));
    }

    static Stream<Case> all() {
        return Stream.concat(captured(), fromSpec());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void readerDecodesEveryField(Case c) {
        Message m = MessageReader.decodeFrame(c.wire());
        assertThat(m).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void writerProducesTheExactBytes(Case c) {
        assertThat(WireBytes.toHex(MessageWriter.encode(c.expected()))).isEqualTo(WireBytes.toHex(c.wire()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void writeIntoABufferAtAnOffsetMatchesEncode(Case c) {
        ByteBuffer out = ByteBuffer.allocate(c.wire().length + 5);
        out.position(3);
        MessageWriter.write(c.expected(), out);
        assertThat(out.position()).isEqualTo(3 + c.wire().length);
        assertThat(java.util.Arrays.copyOfRange(out.array(), 3, 3 + c.wire().length)).isEqualTo(c.wire());
        assertThat(MessageWriter.bodySize(c.expected())).isEqualTo(c.wire().length - 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void readerLeavesTheBodyBufferUntouched(Case c) {
        ByteBuffer body = ByteBuffer.wrap(c.wire(), 8, c.wire().length - 8);
        int cmd = (c.wire()[2] & 0xFF) | (c.wire()[3] & 0xFF) << 8;
        MessageReader.decode(cmd, body);
        assertThat(body.position()).isEqualTo(8);
        assertThat(body.limit()).isEqualTo(c.wire().length);
    }

    /**
     * Input a v1 peer may send that is not what our writer produces, but must decode: {@code wire} decodes
     * to {@code expected}, whose encoding is {@code canonical} (garbage zeroed, sizes recomputed).
     */
    record Tolerated(String name, byte[] wire, Message expected, byte[] canonical) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] withGarbage(byte[] frame, int fromBodyOffset, int toBodyOffset) {
        byte[] b = frame.clone();
        for (int i = 8 + fromBodyOffset; i < 8 + toBodyOffset; i++) {
            b[i] = (byte) (0xA5 ^ i * 37);
        }
        return b;
    }

    static Stream<Tolerated> tolerated() {
        Case polyline = captured().filter(c -> c.name().startsWith("display-21")).findFirst().orElseThrow();
        Case channels = captured().filter(c -> c.name().startsWith("main-41")).findFirst().orElseThrow();
        Case text = fromSpec().filter(c -> c.name().startsWith("TEXT glyph size 36")).findFirst().orElseThrow();
        byte[] textZeroGlyphBytes = text.wire().clone();
        textZeroGlyphBytes[8] = 0;
        return Stream.of(
                // POLYLINE: start 4, mix 1, rgb 4, count 1 = 10, then 16 points; count = 3 so slots 3..15 unused
                new Tolerated("POLYLINE with heap garbage in point slots 3..15", withGarbage(polyline.wire(), 10 + 3 * 4, 74),
                        polyline.expected(), polyline.wire()),
                // CHANNEL_LIST: version 4, count 2 = 6, then 8 slots of 4; count = 5 so slots 5..7 unused
                new Tolerated("CHANNEL_LIST with heap garbage in slots 5..7", withGarbage(channels.wire(), 6 + 5 * 4, 38),
                        channels.expected(), channels.wire()),
                // TEXT: 34-byte header, 24-byte glyph header, 5 bitmap bytes, then 7 padding bytes
                new Tolerated("TEXT glyph padding holding garbage", withGarbage(text.wire(), 34 + 24 + 5, 70),
                        text.expected(), text.wire()),
                new Tolerated("TEXT whose glyph_bytes disagrees with the header size", textZeroGlyphBytes,
                        text.expected(), text.wire()),
                new Tolerated("NOP with a body (ignored)", hex("5a7f 0000 03000000 | 010203"), new Nop(),
                        hex("5a7f 0000 00000000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerated")
    void readerIgnoresWhatV1SendersMayLeaveUninitialised(Tolerated c) {
        assertThat(c.wire()).isNotEqualTo(c.canonical());
        Message m = MessageReader.decodeFrame(c.wire());
        assertThat(m).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(c.expected());
        assertThat(WireBytes.toHex(MessageWriter.encode(m))).isEqualTo(WireBytes.toHex(c.canonical()));
    }

    @Test
    void capturedTextGlyphsStepBySizeAndKeepBitmaps() {
        Text t = (Text) MessageReader.decodeFrame(golden("display-25-text").get(0));
        assertThat(t.glyphs()).extracting(Glyph::size).containsExactly(32, 32);
        assertThat(t.glyphs().get(0).bits()).containsExactly(hex("18 24 42 7e 42 42 42 00"));
        assertThat(t.glyphs().get(1).bits()).containsExactly(hex("ff c0 80 40 80 40 ff c0"));
    }

    @Test
    void capturedCursorColourFollowsItsMask() {
        CursorShape c = (CursorShape) MessageReader.decodeFrame(golden("cursor-2-cursor").get(0));
        assertThat(c.andMask()).containsExactly(hex("7f 3f 1f 0f 07 03 01 00"));
        assertThat(c.color()).hasSize(192).containsExactly(cursorColour());
    }

    /** Guards "every v1 vector message": each line of each golden file is used by exactly one case. */
    @Test
    void everyCapturedMessageHasAGoldenCase() throws IOException, URISyntaxException {
        Path dir = Path.of(MessageGoldenTest.class.getResource("/golden").toURI());
        Map<String, Integer> messagesPerFile = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".hex")).forEach(p -> {
                String stem = p.getFileName().toString().replace(".hex", "");
                messagesPerFile.put(stem, golden(stem).size());
            });
        }
        assertThat(messagesPerFile).hasSize(32);
        assertThat(messagesPerFile.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        Map<String, Long> casesPerFile = captured()
                .collect(Collectors.groupingBy(c -> c.name().substring(0, c.name().indexOf('#')), Collectors.counting()));
        assertThat(casesPerFile).hasSameSizeAs(messagesPerFile);
        messagesPerFile.forEach((stem, n) -> assertThat(casesPerFile.get(stem)).as(stem).isEqualTo(n.longValue()));
        assertThat(captured().map(Case::name).distinct()).hasSize(40);
    }
}
