package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.svp.protocol.wire.WireBytes.frame;
import static org.svp.protocol.wire.WireBytes.golden;
import static org.svp.protocol.wire.WireBytes.hex;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.svp.protocol.Command;
import org.svp.protocol.Point;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.ChannelEntry;
import org.svp.protocol.message.ChannelInit;
import org.svp.protocol.message.ChannelList;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.VideoModeset;

/**
 * Every way a peer's bytes can break protocol.md gives a {@link PeerProtocolException} (never an
 * IndexOutOfBounds, NegativeArraySize or other runtime exception) with the right {@link SvpStatus},
 * the byte offset of the bad field, and a message naming the command and the offset.
 */
class MessageReaderErrorTest {

    /**
     * @param frame a whole frame given to {@link MessageReader#decodeFrame}
     * @param offset the expected {@link PeerProtocolException#offset()} (header offset for framing errors)
     */
    record Bad(String name, byte[] frame, SvpStatus status, int offset) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] captured(String stem) {
        return golden(stem).get(0);
    }

    /** Copies a frame and overwrites body bytes from {@code bodyOffset}. */
    private static byte[] patch(byte[] frame, int bodyOffset, String hexBytes) {
        byte[] b = frame.clone();
        byte[] p = hex(hexBytes);
        System.arraycopy(p, 0, b, 8 + bodyOffset, p.length);
        return b;
    }

    /** Re-frames a body cut or extended by {@code delta} bytes, with a header size that matches. */
    private static byte[] resized(Message m, int delta) {
        byte[] wire = MessageWriter.encode(m);
        byte[] body = Arrays.copyOfRange(wire, 8, wire.length + delta);
        return frame(m.command().wireId(), body);
    }

    private static Bad bad(String name, byte[] frame, SvpStatus status, int offset) {
        return new Bad(name, frame, status, offset);
    }

    static Stream<Bad> headerErrors() {
        return Stream.of(
                bad("wrong magic", hex("5b7f 1e00 05000000 | 01 1e000000"), SvpStatus.BAD_MAGIC, 0),
                bad("byte-swapped magic", hex("7f5a 1e00 05000000 | 01 1e000000"), SvpStatus.BAD_MAGIC, 0),
                bad("zero magic", hex("0000 0000 00000000"), SvpStatus.BAD_MAGIC, 0),
                bad("negative size -1", hex("5a7f 1e00 ffffffff"), SvpStatus.BAD_LENGTH, 4),
                bad("negative size MIN_VALUE", hex("5a7f 0a00 00000080"), SvpStatus.BAD_LENGTH, 4),
                bad("size 10 MiB + 1", hex("5a7f 0a00 0100a000"), SvpStatus.BAD_LENGTH, 4),
                bad("size 0x7fffffff", hex("5a7f 0a00 ffffff7f"), SvpStatus.BAD_LENGTH, 4),
                bad("frame shorter than a header", hex("5a7f 1e00 05"), SvpStatus.BAD_LENGTH, 0),
                bad("header size larger than the frame", hex("5a7f 1e00 06000000 | 01 1e000000"),
                        SvpStatus.BAD_BODY_SIZE, 4),
                bad("unknown id 3", frame(3, new byte[0]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("unknown id 50", frame(50, new byte[4]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("unknown id 99", frame(99, new byte[4]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("extension id 100 without negotiation", frame(100, new byte[0]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("id 65535", frame(0xFFFF, new byte[0]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("reserved REFRESH_SCREEN (26)", frame(26, new byte[0]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("USB id 60", frame(Command.USB_FIRST, new byte[3]), SvpStatus.UNKNOWN_COMMAND, 2),
                bad("USB id 82", frame(Command.USB_LAST, new byte[0]), SvpStatus.UNKNOWN_COMMAND, 2));
    }

    /** One sample of every message whose body has a fixed size. */
    static List<Message> fixedSizeMessages() {
        BitmapHash h = BitmapHash.of(new byte[16]);
        return List.of(
                new ScreenResize(640, 480),
                new SolidRect(new Rect(1, 2, 3, 4), 5),
                new SolidBlt(new Rect(1, 2, 3, 4), 5, 6),
                new DstBlt(new Rect(1, 2, 3, 4), 5),
                new ScreenBlt(new Rect(1, 2, 3, 4), 5, 6, 7),
                new PatternBltBrush(new Rect(1, 2, 3, 4), 1, 2, 3, 4, 5, new byte[8]),
                new MemBlt(new Rect(1, 2, 3, 4), 5, 6, 7, h),
                new DeletedBitmap(h),
                new Line(1, 2, 3, 4, 5, 6, 7, 8, 13, 9),
                new Polyline(new Point(1, 2), 13, 3, List.of(new Point(4, 5))),
                new Ellipse(new Point(1, 2), new Point(3, 4), 13, 1, 5),
                new SaveScreen(new Point(1, 2), new Point(3, 4), 1),
                new KeyboardEvent(true, 0x1E),
                new MouseEvent(1, 2, 1),
                new VideoModeset(800, 600, 32),
                new MainChannelInit(1, 2, 100),
                new ChannelList(1, List.of(new ChannelEntry(0, 5678))),
                new ChannelInit(1, 0, -1),
                new ChannelReady(1));
    }

    static Stream<Bad> fixedSizeErrors() {
        return fixedSizeMessages().stream().flatMap(m -> Stream.of(
                bad(m.command() + " one byte too few", resized(m, -1), SvpStatus.BAD_BODY_SIZE, 0),
                bad(m.command() + " one byte too many", resized(m, +1), SvpStatus.BAD_BODY_SIZE, 0),
                bad(m.command() + " empty body", frame(m.command().wireId(), new byte[0]), SvpStatus.BAD_BODY_SIZE, 0)));
    }

    static Stream<Bad> bodyErrors() {
        byte[] dirtyRaw = captured("display-10-dirty_rect-raw");
        byte[] cached = captured("display-17-cached_bitmap");
        byte[] restore = captured("display-24-restore_screen");
        byte[] text = captured("display-25-text");
        byte[] cursor = captured("cursor-2-cursor");
        byte[] clip = captured("display-20-clip_draw");
        byte[] line = captured("display-19-line");
        byte[] polyline = captured("display-21-polyline");
        byte[] list = captured("main-41-channel_list");
        byte[] config = captured("display-33-graphic_config");
        byte[] key = captured("input-30-keyboard_event");
        byte[] textBody = Arrays.copyOfRange(text, 8, text.length);
        return Stream.of(
                // pac_bitmap (DIRTY_RECT body offset 0, CACHED_BITMAP 16, RESTORE_SCREEN 10)
                bad("DIRTY_RECT body shorter than pac_bitmap", frame(10, hex("20000000 0100 0000 c800")),
                        SvpStatus.BAD_BODY_SIZE, 10),
                bad("DIRTY_RECT pac_bitmap.size 33 but 32 bytes follow", patch(dirtyRaw, 0, "21000000"),
                        SvpStatus.BAD_BODY_SIZE, 0),
                bad("DIRTY_RECT pac_bitmap.size 31 but 32 bytes follow", patch(dirtyRaw, 0, "1f000000"),
                        SvpStatus.BAD_BODY_SIZE, 0),
                bad("DIRTY_RECT pac_bitmap.size 0xFFFFFFFF", patch(dirtyRaw, 0, "ffffffff"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("DIRTY_RECT pac_bitmap.size 0x80000000", patch(dirtyRaw, 0, "00000080"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("DIRTY_RECT unknown pixel format 0", patch(dirtyRaw, 4, "0000"), SvpStatus.BAD_FIELD, 4),
                bad("DIRTY_RECT unknown pixel format 7", patch(dirtyRaw, 4, "0700"), SvpStatus.BAD_FIELD, 4),
                bad("DIRTY_RECT unknown pixel format -1", patch(dirtyRaw, 4, "ffff"), SvpStatus.BAD_FIELD, 4),
                bad("CACHED_BITMAP pac_bitmap.size mismatch", patch(cached, 16, "40000000"), SvpStatus.BAD_BODY_SIZE, 16),
                bad("CACHED_BITMAP unknown pixel format", patch(cached, 20, "0900"), SvpStatus.BAD_FIELD, 20),
                bad("CACHED_BITMAP body shorter than the hash", frame(17, hex("a0a1a2a3")), SvpStatus.BAD_BODY_SIZE, 0),
                bad("RESTORE_SCREEN pac_bitmap.size mismatch", patch(restore, 10, "00000000"),
                        SvpStatus.BAD_BODY_SIZE, 10),
                bad("RESTORE_SCREEN restore = 0", patch(restore, 9, "00"), SvpStatus.BAD_FIELD, 9),
                bad("RESTORE_SCREEN restore = 2", patch(restore, 9, "02"), SvpStatus.BAD_FIELD, 9),
                bad("RESTORE_SCREEN without its bitmap", frame(24, hex("0a000a00 0e000c00 01 01")),
                        SvpStatus.BAD_BODY_SIZE, 10),
                bad("SAVE_SCREEN restore = 1", patch(captured("display-23-save_screen"), 9, "01"), SvpStatus.BAD_FIELD, 9),
                // CLIP_DRAW
                bad("CLIP_DRAW rect_count 65", frame(20, new WireBytes.Le().u16(1).u16(65).zeros(8 * 65).toArray()),
                        SvpStatus.BAD_FIELD, 2),
                bad("CLIP_DRAW rect_count 0xFFFF", frame(20, hex("0100 ffff")), SvpStatus.BAD_FIELD, 2),
                bad("CLIP_DRAW rect_count 3 with 2 rects", patch(clip, 2, "0300"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("CLIP_DRAW rect_count 1 with 2 rects", patch(clip, 2, "0100"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("CLIP_DRAW body shorter than its counts", frame(20, hex("0100")), SvpStatus.BAD_BODY_SIZE, 2),
                // POLYLINE, LINE, ELLIPSE
                bad("POLYLINE count 17", patch(polyline, 9, "11"), SvpStatus.BAD_FIELD, 9),
                bad("POLYLINE count 255", patch(polyline, 9, "ff"), SvpStatus.BAD_FIELD, 9),
                bad("POLYLINE mix 0", patch(polyline, 4, "00"), SvpStatus.BAD_FIELD, 4),
                bad("LINE mix 0", patch(line, 16, "00"), SvpStatus.BAD_FIELD, 16),
                bad("LINE mix 17", patch(line, 16, "11"), SvpStatus.BAD_FIELD, 16),
                bad("ELLIPSE mix 17", patch(captured("display-22-ellipse"), 8, "11"), SvpStatus.BAD_FIELD, 8),
                // TEXT (glyphs at body offsets 34 and 66, 32 bytes each, body 98 bytes)
                bad("TEXT body shorter than its header", frame(25, Arrays.copyOf(textBody, 20)), SvpStatus.BAD_BODY_SIZE, 20),
                bad("TEXT glyph size 40 runs past the message end", patch(text, 66, "28000000"), SvpStatus.BAD_FIELD, 66),
                bad("TEXT glyph size 0xFFFFFFFF", patch(text, 34, "ffffffff"), SvpStatus.BAD_FIELD, 34),
                bad("TEXT glyph size 31 < 24 + padded 8", patch(text, 34, "1f000000"), SvpStatus.BAD_FIELD, 34),
                bad("TEXT glyph size 0", patch(text, 66, "00000000"), SvpStatus.BAD_FIELD, 66),
                bad("TEXT glyph w,h needing more than its size", patch(text, 34 + 16, "0800 0900"), SvpStatus.BAD_FIELD, 34),
                bad("TEXT glyph header cut by the message end", frame(25, Arrays.copyOf(textBody, 34 + 32 + 10)),
                        SvpStatus.BAD_FIELD, 66),
                bad("TEXT glyph_count 3 with 2 glyphs", patch(text, 22, "03"), SvpStatus.BAD_FIELD, 98),
                bad("TEXT glyph_count 255 with 2 glyphs", patch(text, 22, "ff"), SvpStatus.BAD_FIELD, 98),
                bad("TEXT glyph_count 1 with 2 glyphs (bytes left over)", patch(text, 22, "01"),
                        SvpStatus.BAD_BODY_SIZE, 66),
                // CURSOR
                bad("CURSOR mask_len one too many", patch(cursor, 8, "0900"), SvpStatus.BAD_BODY_SIZE, 8),
                bad("CURSOR data_len one too few", patch(cursor, 10, "bf00"), SvpStatus.BAD_BODY_SIZE, 8),
                bad("CURSOR mask_len and data_len 0xFFFF", patch(cursor, 8, "ffffffff"), SvpStatus.BAD_BODY_SIZE, 8),
                bad("CURSOR body shorter than pac_cursor", frame(2, hex("0300 0400 0800 0800")), SvpStatus.BAD_BODY_SIZE, 8),
                // main/control
                bad("CHANNEL_LIST count 9", patch(list, 4, "0900"), SvpStatus.BAD_FIELD, 4),
                bad("CHANNEL_LIST count 0xFFFF", patch(list, 4, "ffff"), SvpStatus.BAD_FIELD, 4),
                bad("GRAPHIC_CONFIG n one more than the text", patch(config, 0, "5c000000"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("GRAPHIC_CONFIG n one less than the text", patch(config, 0, "5a000000"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("GRAPHIC_CONFIG n 0xFFFFFFFF", patch(config, 0, "ffffffff"), SvpStatus.BAD_BODY_SIZE, 0),
                bad("GRAPHIC_CONFIG body shorter than n", frame(33, hex("0000")), SvpStatus.BAD_BODY_SIZE, 0),
                bad("KEYBOARD_EVENT down = 2", patch(key, 0, "02"), SvpStatus.BAD_FIELD, 0),
                bad("KEYBOARD_EVENT down = 0xFF", patch(key, 0, "ff"), SvpStatus.BAD_FIELD, 0));
    }

    static Stream<Bad> all() {
        return Stream.of(headerErrors(), fixedSizeErrors(), bodyErrors()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void badInputGivesPeerProtocolExceptionWithStatusCommandAndOffset(Bad c) {
        Throwable t = catchThrowable(() -> MessageReader.decodeFrame(c.frame()));
        assertThat(t).isExactlyInstanceOf(PeerProtocolException.class);
        PeerProtocolException e = (PeerProtocolException) t;
        assertThat(e.status()).as(e.getMessage()).isEqualTo(c.status());
        assertThat(e.offset()).as(e.getMessage()).isEqualTo(c.offset());
        assertThat(e.getMessage()).contains("offset " + c.offset()).contains(c.status().name());
        if (c.status() != SvpStatus.BAD_MAGIC && c.frame().length >= 8) {
            int id = (c.frame()[2] & 0xFF) | (c.frame()[3] & 0xFF) << 8;
            assertThat(e.commandId()).isEqualTo(id);
            assertThat(e.getMessage()).contains("(id " + id + ")");
            Command.fromWireId(id).ifPresent(cmd -> assertThat(e.getMessage()).contains(cmd.name()));
        } else {
            assertThat(e.commandId()).isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void framingErrorsAndOnlyThoseLoseFraming(Bad c) {
        PeerProtocolException e = (PeerProtocolException) catchThrowable(() -> MessageReader.decodeFrame(c.frame()));
        boolean headerLevel = c.status() == SvpStatus.BAD_MAGIC || c.status() == SvpStatus.BAD_LENGTH
                || c.status() == SvpStatus.UNKNOWN_COMMAND;
        assertThat(e.status().framingLost()).isEqualTo(headerLevel);
    }

    @Test
    void usbMessageErrorSaysItIsReserved() {
        PeerProtocolException e = (PeerProtocolException) catchThrowable(() -> MessageReader.decodeFrame(frame(70, new byte[2])));
        assertThat(e).hasMessageContaining("USB").hasMessageContaining("reserved");
    }

    @Test
    void bodyOfExactlyTheLimitPassesTheHeaderCheck() {
        ByteBuffer h = ByteBuffer.wrap(new WireBytes.Le().u16(0x7F5A).u16(10).u32(ProtocolLimits.MAX_BODY).toArray());
        assertThat(FrameHeader.read(h, 0, ProtocolLimits.MAX_BODY)).isEqualTo(new FrameHeader(10, ProtocolLimits.MAX_BODY));
    }

    @Test
    void headerIsReadAtTheGivenOffsetWhateverTheBufferOrder() {
        ByteBuffer buf = ByteBuffer.wrap(hex("ffff 5a7f 1e00 05000000")).order(java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(FrameHeader.read(buf, 2, 5)).isEqualTo(new FrameHeader(30, 5));
        assertThat(buf.order()).isEqualTo(java.nio.ByteOrder.BIG_ENDIAN);
        assertThat(buf.position()).isZero();
    }

    @Test
    void keyReleaseWithoutAPressIsAccepted() {
        assertThatNoException().isThrownBy(() -> MessageReader.decodeFrame(captured("input-30-keyboard_event")));
    }
}
