package org.svp.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.GraphicConfig;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.MainChannelInit;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.protocol.wire.MessageWriter;

/** {@link SvpMessageEncoder} and {@link Frames} against {@link MessageWriter}, on a real {@link EmbeddedChannel}. */
class SvpMessageEncoderTest {
    private EmbeddedChannel channel;

    @BeforeEach
    void setUp() {
        channel = new EmbeddedChannel(new SvpMessageEncoder());
    }

    @AfterEach
    void tearDown() {
        assertThat(channel.finish()).isFalse();
    }

    static Stream<Message> messages() {
        byte[] pixels = new byte[64 * 32 * 4];
        new Random(7).nextBytes(pixels);
        byte[] hash = new byte[16];
        for (int i = 0; i < 16; i++) {
            hash[i] = (byte) (0xA0 + i);
        }
        return Stream.of(
                new Nop(),
                new KeyboardEvent(false, 0x1C),
                new MouseEvent(120, 120, 1),
                new SolidRect(new Rect(40, 50, 200, 200), 0x808080),
                new MainChannelInit(1, 2, 100),
                new ChannelList(1, List.of(new ChannelEntry(0, 5678), new ChannelEntry(1, 5679))),
                new ChannelInit(1, 0, 0xFFFFFFFF),
                new ChannelReady(0xFFFFFFFF),
                new GraphicConfig("[general]\nprefercodec = 1\n"),
                new ClipDraw(1, List.of(new Rect(50, 60, 100, 100), new Rect(300, 300, 40, 20))),
                new Polyline(new Point(1, 2), 13, 0xFF, List.of(new Point(3, 4), new Point(5, 6))),
                new CursorShape(3, 4, 8, 8, new byte[8], new byte[192]),
                new DirtyRect(new Bitmap(PixelFormat.RGB32, 0, 10, 20, 64, 32, pixels)),
                new CachedBitmap(BitmapHash.of(hash), new Bitmap(PixelFormat.RGB8, 0, 0, 0, 2, 2, new byte[4])),
                new Text(new Rect(100, 300, 20, 10), new Rect(100, 300, 20, 10), 10, 0, 0, 0xFFFFFF, 0,
                        List.of(Glyph.of(0x1122334455667788L, 100, 301, 8, 8, 0, 1, new byte[8]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void encoderOutputEqualsMessageWriterBytes(Message m) {
        assertThat(channel.writeOutbound(m)).isTrue();
        ByteBuf out = channel.readOutbound();
        try {
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(MessageWriter.encode(m));
            assertThat(out.readableBytes()).isEqualTo(Frames.frameLength(m));
        } finally {
            out.release();
        }
        assertThat((Object) channel.readOutbound()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void framesEncodeEqualsMessageWriterBytes(Message m) {
        ByteBuf out = Frames.encode(ByteBufAllocator.DEFAULT, m);
        try {
            assertThat(out.readerIndex()).isZero();
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(MessageWriter.encode(m));
        } finally {
            out.release();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void encodedFrameDecodesBackToTheSameBytes(Message m) {
        EmbeddedChannel loop = new EmbeddedChannel(new SvpFrameDecoder(), new SvpMessageEncoder());
        assertThat(loop.writeOutbound(m)).isTrue();
        ByteBuf wire = loop.readOutbound();
        assertThat(loop.writeInbound(wire)).isTrue();
        Message back = loop.readInbound();
        assertThat(MessageWriter.encode(back)).isEqualTo(MessageWriter.encode(m));
        assertThat(loop.finish()).isFalse();
    }

    @Test
    void preEncodedByteBufPassesThroughUntouched() {
        ByteBuf pre = Frames.encode(ByteBufAllocator.DEFAULT, new KeyboardEvent(true, 0x1E));
        assertThat(channel.writeOutbound(pre.retainedDuplicate())).isTrue();
        ByteBuf out = channel.readOutbound();
        try {
            assertThat(out).isEqualTo(pre);
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(MessageWriter.encode(new KeyboardEvent(true, 0x1E)));
        } finally {
            out.release();
            pre.release();
        }
    }

    @Test
    void oneEncodedFrameCanBeSentToManyChannels() {
        ByteBuf pre = Frames.encode(ByteBufAllocator.DEFAULT, new SolidRect(new Rect(1, 2, 3, 4), 5));
        EmbeddedChannel other = new EmbeddedChannel(new SvpMessageEncoder());
        channel.writeOutbound(pre.retainedDuplicate());
        other.writeOutbound(pre.retainedDuplicate());
        pre.release();
        for (EmbeddedChannel c : List.of(channel, other)) {
            ByteBuf out = c.readOutbound();
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(MessageWriter.encode(new SolidRect(new Rect(1, 2, 3, 4), 5)));
            out.release();
        }
        assertThat(pre.refCnt()).isZero();
        assertThat(other.finish()).isFalse();
    }

    @Test
    void framesEncodeUsesTheGivenAllocatorAndExactCapacity() {
        Message m = new MouseEvent(1, 2, 3);
        ByteBuf out = Frames.encode(UnpooledByteBufAllocator.DEFAULT, m);
        try {
            assertThat(out.alloc()).isSameAs(UnpooledByteBufAllocator.DEFAULT);
            assertThat(out.capacity()).isEqualTo(14);
            assertThat(out.writerIndex()).isEqualTo(14);
        } finally {
            out.release();
        }
    }

    @Test
    void writeToAppendsAfterExistingBytesAndGrowsTheBuffer() {
        ByteBuf out = Unpooled.buffer(2);
        out.writeByte(0xEE);
        Frames.writeTo(new KeyboardEvent(true, 0x1E), out);
        Frames.writeTo(new ChannelReady(1), out);
        try {
            byte[] expected = SvpFrameDecoderTest.concat(new byte[] {(byte) 0xEE},
                    MessageWriter.encode(new KeyboardEvent(true, 0x1E)), MessageWriter.encode(new ChannelReady(1)));
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(expected);
        } finally {
            out.release();
        }
    }

    @Test
    void writeToACompositeBufferStillWritesTheRightBytes() {
        CompositeByteBuf out = Unpooled.compositeBuffer();
        out.addComponent(true, Unpooled.wrappedBuffer(new byte[] {1, 2}));
        out.addComponent(true, Unpooled.wrappedBuffer(new byte[] {3}));
        Frames.writeTo(new MouseEvent(120, 120, 1), out);
        try {
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(SvpFrameDecoderTest.concat(new byte[] {1, 2, 3},
                    MessageWriter.encode(new MouseEvent(120, 120, 1))));
        } finally {
            out.release();
        }
    }
}
