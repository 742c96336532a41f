package org.svp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.codec.pixel.PixelConverter;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;

class BitmapEncoderTest {
    private final BitmapEncoder encoder = new BitmapEncoder();
    private final BitmapDecoder decoder = new BitmapDecoder();

    @Test
    void encodesAFlatAreaAsLz4ThatDecodesBack() {
        int[] frame = new int[100 * 50];
        Arrays.fill(frame, 0x204060);
        frame[5 * 100 + 7] = 0xFFFFFF;
        Bitmap b = encoder.encode(frame, 5 * 100 + 5, 100, 5, 5, 16, 8, CodecId.LZ4);
        assertThat(b.codec()).isEqualTo(CodecId.LZ4);
        assertThat(b.format()).isEqualTo(PixelFormat.RGB32);
        assertThat(b.data().length).isLessThan(512);
        assertThat(List.of(b.x(), b.y(), b.width(), b.height())).containsExactly(5, 5, 16, 8);
        int[] back = decoder.decode(b, 10);
        assertThat(back[2]).isEqualTo(0xFFFFFF);
        assertThat(back[3]).isEqualTo(0x204060);
    }

    @Test
    void reproducesTheV1GoldenBlock() {
        int[] frame = new int[16 * 8];
        Arrays.fill(frame, 0x204060);
        Bitmap b = encoder.encode(frame, 0, 16, 32, 48, 16, 8, CodecId.LZ4);
        assertThat(decoder.decode(b, 10)).isEqualTo(frame);
        assertThat(b.data().length).isEqualTo(Lz4BlockCodecTest.GOLDEN.length);
    }

    @Test
    void fallsBackToRawForIncompressiblePixels() {
        int[] noise = new int[32 * 32];
        Random r = new Random(5);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextInt() & 0xFFFFFF;
        }
        Bitmap b = encoder.encode(noise, 0, 32, 0, 0, 32, 32, CodecId.LZ4);
        assertThat(b.codec()).isEqualTo(CodecId.RAW);
        assertThat(b.data()).hasSize(32 * 32 * 4);
        assertThat(decoder.decode(b, 10)).isEqualTo(noise);
    }

    @Test
    void rawMeansRaw() {
        int[] flat = new int[8 * 8];
        Bitmap b = encoder.encode(flat, 0, 8, 0, 0, 8, 8, CodecId.RAW);
        assertThat(b.codec()).isEqualTo(CodecId.RAW);
        assertThat(b.data()).hasSize(256).containsOnly(0);
    }

    @Test
    void transcodesOtherFormatsToRgb32() {
        int[] px = new int[20 * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = i < 40 ? 0x112233 : 0xAABBCC;
        }
        byte[] bgr = new byte[20 * 4 * 3];
        PixelConverter.fromRgb(px, 0, 20, 20, 4, PixelFormat.BGR24, bgr, 0);
        Bitmap in = new Bitmap(PixelFormat.BGR24, CodecId.RAW, 7, 9, 20, 4, bgr);
        Bitmap out = encoder.transcode(in, CodecId.LZ4);
        assertThat(out.format()).isEqualTo(PixelFormat.RGB32);
        assertThat(out.codec()).isEqualTo(CodecId.LZ4);
        assertThat(List.of(out.x(), out.y(), out.width(), out.height())).containsExactly(7, 9, 20, 4);
        assertThat(decoder.decode(out, 10)).isEqualTo(px);
    }

    @Test
    void transcodesLz4ToRawAndBack() {
        Bitmap lz4 = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 1, 2, 16, 8, Lz4BlockCodecTest.GOLDEN);
        Bitmap raw = encoder.transcode(lz4, CodecId.RAW);
        assertThat(raw.codec()).isEqualTo(CodecId.RAW);
        assertThat(raw.data()).hasSize(512);
        assertThat(raw.data()[0]).isEqualTo((byte) 0x60);
        Bitmap again = encoder.transcode(raw, CodecId.LZ4);
        assertThat(again.codec()).isEqualTo(CodecId.LZ4);
        assertThat(again.data()).isEqualTo(Lz4BlockCodecTest.GOLDEN);
    }

    @Test
    void keepsABitmapThatIsAlreadyRight() {
        Bitmap lz4 = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 0, 0, 16, 8, Lz4BlockCodecTest.GOLDEN);
        assertThat(encoder.transcode(lz4, CodecId.LZ4)).isSameAs(lz4);
        byte[] noise = new byte[64];
        new Random(6).nextBytes(noise);
        for (int i = 3; i < 64; i += 4) {
            noise[i] = 0;
        }
        Bitmap raw = new Bitmap(PixelFormat.RGB32, CodecId.RAW, 0, 0, 4, 4, noise);
        assertThat(encoder.transcode(raw, CodecId.LZ4)).isSameAs(raw);
    }
}
