package org.svp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.svp.protocol.Command;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.ProtocolLimits;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.ChannelReady;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.wire.MessageWriter;

/** Drives a real {@link EmbeddedChannel} with {@link SvpFrameDecoder}; no mocks. */
class SvpFrameDecoderTest {
    /** Captured v1 KEYBOARD_EVENT: key-down of {@code a} (input-30-keyboard_event.txt). */
    private static final byte[] KEY_A_DOWN = hex("5a7f1e0005000000011e000000");
    /** Captured v1 SOLID_RECT (display-20-clip_draw.txt, second message). */
    private static final byte[] SOLID_RECT = hex("5a7f0b000c000000280032 00c800c800808080 00".replace(" ", ""));
    /** A MOUSE_EVENT, left press at (120, 120). */
    private static final byte[] MOUSE = MessageWriter.encode(new MouseEvent(120, 120, 1));

    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(new SvpFrameDecoder());
    }

    @AfterEach
    void tearDown() {
        for (Object o; (o = channel.readInbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void wholeMessageDecodesToItsRecord() {
        assertThat(channel.writeInbound(buf(KEY_A_DOWN))).isTrue();
        assertThat((Object) channel.readInbound()).isEqualTo(new KeyboardEvent(true, 0x1E));
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void byteByByteInputYieldsNothingUntilTheLastByte() {
        byte[] frame = SOLID_RECT;
        for (int i = 0; i < frame.length - 1; i++) {
            assertThat(channel.writeInbound(buf(frame, i, 1))).as("after byte %d", i).isFalse();
        }
        assertThat(channel.writeInbound(buf(frame, frame.length - 1, 1))).isTrue();
        assertThat((Object) channel.readInbound()).isEqualTo(new SolidRect(new Rect(40, 50, 200, 200), 0x808080));
    }

    @Test
    void headerAndBodyInSeparateWritesAreReassembled() {
        assertThat(channel.writeInbound(buf(SOLID_RECT, 0, 8))).isFalse();
        assertThat(channel.writeInbound(buf(SOLID_RECT, 8, SOLID_RECT.length - 8))).isTrue();
        assertThat((Object) channel.readInbound()).isEqualTo(new SolidRect(new Rect(40, 50, 200, 200), 0x808080));
    }

    @Test
    void splitInsideTheHeaderAndInsideTheBodyIsReassembled() {
        assertThat(channel.writeInbound(buf(SOLID_RECT, 0, 3))).isFalse();
        assertThat(channel.writeInbound(buf(SOLID_RECT, 3, 10))).isFalse();
        assertThat(channel.writeInbound(buf(SOLID_RECT, 13, SOLID_RECT.length - 13))).isTrue();
        assertThat((Object) channel.readInbound()).isInstanceOf(SolidRect.class);
    }

    @Test
    void severalMessagesInOneBufferAllDecodeInOrder() {
        assertThat(channel.writeInbound(buf(concat(KEY_A_DOWN, SOLID_RECT, MOUSE, KEY_A_DOWN)))).isTrue();
        assertThat(drain()).containsExactly(new KeyboardEvent(true, 0x1E),
                new SolidRect(new Rect(40, 50, 200, 200), 0x808080), new MouseEvent(120, 120, 1),
                new KeyboardEvent(true, 0x1E));
    }

    @Test
    void messageFollowedByPartOfTheNextEmitsTheFirstAndKeepsTheRest() {
        byte[] both = concat(KEY_A_DOWN, SOLID_RECT);
        assertThat(channel.writeInbound(buf(both, 0, KEY_A_DOWN.length + 5))).isTrue();
        assertThat(drain()).containsExactly(new KeyboardEvent(true, 0x1E));
        assertThat(channel.writeInbound(buf(both, KEY_A_DOWN.length + 5, both.length - KEY_A_DOWN.length - 5)))
                .isTrue();
        assertThat(drain()).containsExactly(new SolidRect(new Rect(40, 50, 200, 200), 0x808080));
    }

    @Test
    void emptyBodyMessageDecodes() {
        assertThat(channel.writeInbound(buf(hex("5a7f000000000000")))).isTrue();
        assertThat(drain()).hasSize(1).first().isInstanceOf(Nop.class);
    }

    @Test
    void badMagicThrowsDecoderExceptionAndIgnoresLaterInput() {
        byte[] bad = KEY_A_DOWN.clone();
        bad[0] = 0x5B;
        assertFramingLost(bad, SvpStatus.BAD_MAGIC);
        assertLaterInputIgnored();
    }

    @Test
    void negativeBodySizeLosesFraming() {
        assertFramingLost(hex("5a7f1e00ffffffff00"), SvpStatus.BAD_LENGTH);
        assertLaterInputIgnored();
    }

    @Test
    void bodySizeAboveTheLimitLosesFramingWithoutWaitingForTheBody() {
        // 10 MiB + 1, header only: the decoder must not wait for (or buffer) the body
        assertFramingLost(hex("5a7f0a0001 00a000".replace(" ", "")), SvpStatus.BAD_LENGTH);
        assertLaterInputIgnored();
    }

    @Test
    void smallerConfiguredLimitIsEnforced() {
        channel.finishAndReleaseAll();
        channel = new EmbeddedChannel(new SvpFrameDecoder(4));
        assertThat(channel.writeInbound(buf(MessageWriter.encode(new ChannelReady(1))))).isTrue();
        assertThat(drain()).containsExactly(new ChannelReady(1));
        assertFramingLost(KEY_A_DOWN, SvpStatus.BAD_LENGTH);
    }

    @Test
    void defaultLimitIsTheV1Limit() {
        assertThat(SvpFrameDecoder.DEFAULT_MAX_BODY).isEqualTo(ProtocolLimits.MAX_BODY).isEqualTo(10 * 1024 * 1024);
        assertThat(new SvpFrameDecoder().maxBody()).isEqualTo(SvpFrameDecoder.DEFAULT_MAX_BODY);
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(ints = {3, 26, 50, 99, 100, 999, 0x7FFF, 0xFFFF})
    void unknownOrReservedIdLosesFraming(int id) {
        byte[] frame = hex("5a7f000000000000");
        frame[2] = (byte) id;
        frame[3] = (byte) (id >> 8);
        assertFramingLost(frame, SvpStatus.UNKNOWN_COMMAND);
        assertLaterInputIgnored();
    }

    @ParameterizedTest(name = "id {0}")
    @ValueSource(ints = {Command.USB_FIRST, 70, Command.USB_LAST})
    void usbIdWithIntactFrameIsSkippedAsMalformed(int id) {
        byte[] usb = hex("5a7f00000300000001 0203".replace(" ", ""));
        usb[2] = (byte) id;
        assertThat(channel.writeInbound(buf(concat(usb, KEY_A_DOWN)))).isTrue();
        List<Object> got = drain();
        assertThat(got).hasSize(2);
        assertThat(got.get(0)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.commandId()).isEqualTo(id);
            assertThat(m.error().status()).isEqualTo(SvpStatus.UNKNOWN_COMMAND);
        });
        assertThat(got.get(1)).isEqualTo(new KeyboardEvent(true, 0x1E));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void wrongKeyboardBodySizeIsSkippedAndTheNextMessageStillDecodes() {
        byte[] shortKey = hex("5a7f1e000400000001 1e0000".replace(" ", ""));
        byte[] longKey = hex("5a7f1e000600000001 1e00000000".replace(" ", ""));
        assertThat(channel.writeInbound(buf(concat(shortKey, KEY_A_DOWN, longKey, SOLID_RECT)))).isTrue();
        List<Object> got = drain();
        assertThat(got).hasSize(4);
        assertThat(got.get(0)).isInstanceOfSatisfying(MalformedMessage.class, m -> {
            assertThat(m.error().status()).isEqualTo(SvpStatus.BAD_BODY_SIZE);
            assertThat(m.commandId()).isEqualTo(30);
            assertThat(m.error()).hasMessageContaining("KEYBOARD_EVENT").hasMessageContaining("offset");
        });
        assertThat(got.get(1)).isEqualTo(new KeyboardEvent(true, 0x1E));
        assertThat(got.get(2)).isInstanceOf(MalformedMessage.class);
        assertThat(got.get(3)).isInstanceOf(SolidRect.class);
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void badFieldInAnIntactFrameIsSkippedAsMalformed() {
        byte[] down2 = KEY_A_DOWN.clone();
        down2[8] = 2;
        assertThat(channel.writeInbound(buf(concat(down2, KEY_A_DOWN)))).isTrue();
        List<Object> got = drain();
        assertThat(got.get(0)).isInstanceOfSatisfying(MalformedMessage.class,
                m -> assertThat(m.error().status()).isEqualTo(SvpStatus.BAD_FIELD));
        assertThat(got.get(1)).isEqualTo(new KeyboardEvent(true, 0x1E));
    }

    @Test
    void framingErrorReachesTheNextHandlersExceptionCaughtWhichClosesTheChannel() {
        List<Throwable> caught = new ArrayList<>();
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                caught.add(cause);
                ctx.close();
            }
        });
        byte[] bad = KEY_A_DOWN.clone();
        bad[0] = 0;
        channel.writeInbound(buf(bad));
        assertThat(caught).singleElement().isInstanceOfSatisfying(DecoderException.class, e ->
                assertThat(e.getCause()).isInstanceOfSatisfying(PeerProtocolException.class,
                        p -> assertThat(p.status()).isEqualTo(SvpStatus.BAD_MAGIC)));
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void goodMessagesBeforeAFramingErrorInTheSameBufferAreStillDelivered() {
        byte[] bad = KEY_A_DOWN.clone();
        bad[1] = 0;
        assertThatThrownBy(() -> channel.writeInbound(buf(concat(KEY_A_DOWN, bad, KEY_A_DOWN))))
                .isInstanceOf(DecoderException.class);
        assertThat(drain()).containsExactly(new KeyboardEvent(true, 0x1E));
    }

    @Test
    void largeBodyArrivingInChunksDecodesOnce() {
        byte[] data = new byte[256 * 256 * 4];
        new Random(1).nextBytes(data);
        Message m = new DirtyRect(new Bitmap(PixelFormat.RGB32, 0, 0, 0, 256, 256, data));
        byte[] frame = MessageWriter.encode(m);
        int step = 1000;
        for (int i = 0; i < frame.length; i += step) {
            int n = Math.min(step, frame.length - i);
            assertThat(channel.writeInbound(buf(frame, i, n))).isEqualTo(i + n == frame.length);
        }
        Object got = channel.readInbound();
        assertThat(MessageWriter.encode((Message) got)).isEqualTo(frame);
    }

    private void assertFramingLost(byte[] input, SvpStatus status) {
        assertThatThrownBy(() -> channel.writeInbound(buf(input)))
                .isInstanceOf(DecoderException.class)
                .cause()
                .isInstanceOfSatisfying(PeerProtocolException.class,
                        e -> assertThat(e.status()).isEqualTo(status))
                .hasMessageContaining("offset");
        SvpFrameDecoder decoder = channel.pipeline().get(SvpFrameDecoder.class);
        assertThat(decoder.isCorrupt()).isTrue();
    }

    private void assertLaterInputIgnored() {
        assertThat(channel.writeInbound(buf(KEY_A_DOWN))).isFalse();
        assertThat(channel.writeInbound(buf(concat(SOLID_RECT, KEY_A_DOWN)))).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void narrowedLimitThrowsFrameTooLargeBeforeBufferingTheBody() {
        SvpFrameDecoder d = new SvpFrameDecoder();
        channel = new EmbeddedChannel(d);
        d.setMaxBody(64);
        assertThatThrownBy(() -> channel.writeInbound(buf(hex("5a7f1e0041000000"))))
                .isInstanceOfSatisfying(FrameTooLargeException.class, e -> {
                    assertThat(e.size()).isEqualTo(65);
                    assertThat(e.limit()).isEqualTo(64);
                    assertThat(e.command()).isEqualTo(30);
                }).hasCauseInstanceOf(PeerProtocolException.class);
        assertThat(d.isCorrupt()).isTrue();
    }

    @Test
    void partialMessageIsTimedFromItsFirstByte() {
        SvpFrameDecoder d = new SvpFrameDecoder();
        channel = new EmbeddedChannel(d);
        assertThat(d.partialSinceNanos()).isZero();
        channel.writeInbound(buf(KEY_A_DOWN, 0, 3));
        long since = d.partialSinceNanos();
        assertThat(since).isPositive();
        assertThat(d.pendingBodySize()).isEqualTo(-1);
        channel.writeInbound(buf(KEY_A_DOWN, 3, 7));
        assertThat(d.partialSinceNanos()).as("same message, same start").isEqualTo(since);
        assertThat(d.pendingBodySize()).isEqualTo(5);
        channel.writeInbound(buf(KEY_A_DOWN, 10, KEY_A_DOWN.length - 10));
        assertThat(d.partialSinceNanos()).as("nothing pending").isZero();
        drain();
    }

    private List<Object> drain() {
        List<Object> all = new ArrayList<>();
        for (Object o; (o = channel.readInbound()) != null; ) {
            all.add(o);
        }
        return all;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static ByteBuf buf(byte[] b) {
        return Unpooled.wrappedBuffer(b.clone());
    }

    static ByteBuf buf(byte[] b, int from, int n) {
        return Unpooled.copiedBuffer(b, from, n);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
