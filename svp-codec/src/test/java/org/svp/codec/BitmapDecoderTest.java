package org.svp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svp.codec.pixel.Palette;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Bitmap;

class BitmapDecoderTest {
    private final BitmapDecoder decoder = new BitmapDecoder();

    @Test
    void decodesTheV1GoldenLz4DirtyRect() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 32, 48, 16, 8, Lz4BlockCodecTest.GOLDEN);
        int[] px = decoder.decode(b, 10);
        int[] expected = new int[128];
        Arrays.fill(expected, 0x204060);
        assertThat(px).isEqualTo(expected);
    }

    @Test
    void decodesIntoAStridedTarget() {
        Bitmap b = new Bitmap(PixelFormat.RGB24, CodecId.RAW, 0, 0, 2, 2,
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        int[] dst = new int[4 * 3];
        decoder.decodeInto(b, 10, dst, 5, 4);
        assertThat(dst).containsExactly(0, 0, 0, 0, 0, 0x010203, 0x040506, 0, 0, 0x070809, 0x0A0B0C, 0);
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void decodesEveryFormatRawAndLz4(PixelFormat f) {
        int w = 19;
        int h = 5;
        int[] src = new int[w * h];
        for (int i = 0; i < src.length; i++) {
            src[i] = Palette.DEFAULT.rgb((i * 7) % 16 == 3 ? 15 : (i % 3 == 0 ? 0 : 15));
        }
        byte[] raw = new byte[(int) f.dataLength(w, h)];
        PixelConverter.fromRgb(src, 0, w, w, h, f, raw, 0);
        Lz4BlockCodec lz4 = new Lz4BlockCodec();
        byte[] block = new byte[lz4.maxCompressedLength(raw.length)];
        int n = lz4.compress(raw, 0, raw.length, block, 0, block.length);
        int[] fromRaw = decoder.decode(new Bitmap(f, CodecId.RAW, 0, 0, w, h, raw), 10);
        int[] fromLz4 = decoder.decode(new Bitmap(f, CodecId.LZ4, 0, 0, w, h, Arrays.copyOf(block, n)), 10);
        assertThat(fromRaw).isEqualTo(src);
        assertThat(fromLz4).isEqualTo(src);
    }

    @Test
    void rejectsRawOfTheWrongSize() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.RAW, 0, 0, 4, 2, new byte[31]);
        assertThatThrownBy(() -> decoder.decode(b, 10))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("DIRTY_RECT")
                .hasMessageContaining("32")
                .satisfies(e -> assertThat(((PeerProtocolException) e).status()).isEqualTo(SvpStatus.BAD_BITMAP));
    }

    @Test
    void rejectsLz4ThatDecodesToTheWrongSize() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 0, 0, 16, 9, Lz4BlockCodecTest.GOLDEN);
        assertThatThrownBy(() -> decoder.decode(b, 17)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("CACHED_BITMAP");
    }

    @Test
    void rejectsUnsupportedCodecs() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.JPEG, 0, 0, 1, 1, new byte[4]);
        assertThatThrownBy(() -> decoder.decode(b, 10)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("unsupported codec JPEG");
    }

    @Test
    void rejectsHugeClaimsBeforeAllocating() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 0, 0, 65535, 65535, Lz4BlockCodecTest.GOLDEN);
        assertThatThrownBy(() -> decoder.decode(b, 10)).isInstanceOf(PeerProtocolException.class);
    }

    @Test
    void anEmptyBitmapDecodesToNothing() {
        assertThat(decoder.decode(new Bitmap(PixelFormat.RGB32, CodecId.RAW, 0, 0, 0, 5, new byte[0]), 10))
                .isEmpty();
    }

    @Test
    void aFailedDecodeWritesNothing() {
        int[] dst = new int[16 * 9];
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 0, 0, 16, 9, Lz4BlockCodecTest.GOLDEN);
        assertThatThrownBy(() -> decoder.decodeInto(b, 10, dst, 0, 16)).isInstanceOf(PeerProtocolException.class);
        assertThat(dst).containsOnly(0);
    }

    @Test
    void rgb8UsesTheConfiguredPalette() {
        int[] colours = new int[256];
        colours[3] = 0xABCDEF;
        decoder.setPalette(Palette.of(colours));
        Bitmap b = new Bitmap(PixelFormat.RGB8, CodecId.RAW, 0, 0, 2, 1, new byte[] {3, 4});
        assertThat(decoder.decode(b, 10)).containsExactly(0xABCDEF, 0);
    }
}
