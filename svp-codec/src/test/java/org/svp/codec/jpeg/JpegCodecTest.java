package org.svp.codec.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.svp.codec.BitmapCodec;
import org.svp.codec.CodecRegistry;
import org.svp.codec.sample.SampleTiles;
import org.svp.codec.sample.SampleTiles.Tile;
import org.svp.protocol.CodecId;
import org.svp.protocol.error.PeerProtocolException;

/** JPEG round trips: PSNR per quality level on the photo-like tile, strides, and corrupt data. */
class JpegCodecTest {
    private static final Tile PHOTO = SampleTiles.synthetic().get("photo");

    @Test
    void theLibraryIsInstalled() {
        assertThat(JpegCodec.nativeLibrary())
                .as("libturbojpeg.so.0 (Debian package libturbojpeg0, tests/setup.sh) must be installed").isTrue();
    }

    @Test
    void highQualityKeepsAPhotoAbove40dB() {
        JpegCodec codec = new JpegCodec();
        byte[] data = codec.newEncoder().encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h(),
                Quality.HIGH.jpegQuality(), Quality.HIGH.subsample420());
        int[] out = new int[PHOTO.w() * PHOTO.h()];
        codec.newDecoder().decode(data, PHOTO.w(), PHOTO.h(), out, 0, PHOTO.w(), 7);
        assertThat(psnr(PHOTO.rgb(), out)).isGreaterThanOrEqualTo(40.0);
        assertThat(data.length).as("smaller than raw").isLessThan(PHOTO.w() * PHOTO.h() * 3);
    }

    @Test
    void lowerLevelsAreSmaller() {
        JpegEncoder enc = new JpegCodec().newEncoder();
        int[] sizes = Arrays.stream(new Quality[] {Quality.HIGH, Quality.MEDIUM, Quality.LOW})
                .mapToInt(q -> enc.encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h(), q.jpegQuality(),
                        q.subsample420()).length).toArray();
        assertThat(sizes[1]).isLessThan(sizes[0]);
        assertThat(sizes[2]).isLessThan(sizes[1]);
    }

    @Test
    void encodesFromInsideAFrameAndDecodesIntoOne() {
        int pad = 5;
        int stride = PHOTO.w() + 2 * pad;
        int[] frame = new int[stride * (PHOTO.h() + 2)];
        Arrays.fill(frame, 0x123456);
        for (int y = 0; y < PHOTO.h(); y++) {
            System.arraycopy(PHOTO.rgb(), y * PHOTO.w(), frame, (y + 1) * stride + pad, PHOTO.w());
        }
        JpegCodec codec = new JpegCodec();
        byte[] data = codec.newEncoder().encode(frame, stride + pad, stride, PHOTO.w(), PHOTO.h()).data();
        int[] dst = new int[stride * (PHOTO.h() + 2)];
        Arrays.fill(dst, 0x654321);
        codec.newDecoder().decode(data, PHOTO.w(), PHOTO.h(), dst, stride + pad, stride, 7);
        int[] inner = new int[PHOTO.w() * PHOTO.h()];
        for (int y = 0; y < PHOTO.h(); y++) {
            System.arraycopy(dst, (y + 1) * stride + pad, inner, y * PHOTO.w(), PHOTO.w());
            assertThat(dst[(y + 1) * stride + pad - 1]).as("left of row %d", y).isEqualTo(0x654321);
            assertThat(dst[(y + 1) * stride + pad + PHOTO.w()]).as("right of row %d", y).isEqualTo(0x654321);
        }
        assertThat(dst[0]).isEqualTo(0x654321);
        assertThat(psnr(PHOTO.rgb(), inner)).isGreaterThanOrEqualTo(40.0);
        assertThat(Arrays.stream(inner).allMatch(p -> (p & 0xFF000000) == 0)).as("top byte clear").isTrue();
    }

    @Test
    void aStreamOfAnotherSizeIsBadBitmap() {
        JpegCodec codec = new JpegCodec();
        byte[] data = codec.newEncoder().encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h()).data();
        int[] out = new int[PHOTO.w() * PHOTO.h()];
        assertThatThrownBy(() -> codec.newDecoder().decode(data, PHOTO.w() - 1, PHOTO.h(), out, 0, PHOTO.w(), 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("JPEG: the stream is 192x96");
    }

    @Test
    void truncatedAndGarbageDataAreBadBitmap() {
        JpegCodec codec = new JpegCodec();
        byte[] data = codec.newEncoder().encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h()).data();
        BitmapCodec.Decoder dec = codec.newDecoder();
        int[] out = new int[PHOTO.w() * PHOTO.h()];
        assertThatThrownBy(() -> dec.decode(Arrays.copyOf(data, data.length / 2), PHOTO.w(), PHOTO.h(), out, 0,
                PHOTO.w(), 7)).isInstanceOf(PeerProtocolException.class).hasMessageContaining("JPEG:");
        assertThatThrownBy(() -> dec.decode(new byte[] {1, 2, 3}, 4, 4, out, 0, 4, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("JPEG:");
        assertThatThrownBy(() -> dec.decode(new byte[0], 4, 4, out, 0, 4, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("empty");
    }

    @Test
    void registeredAsAV2LossyCodec() {
        BitmapCodec c = CodecRegistry.byId(CodecId.JPEG_LOSSY);
        assertThat(c).isInstanceOf(JpegCodec.class);
        assertThat(c.lossy()).isTrue();
        assertThat(CodecRegistry.isV2(CodecId.JPEG_LOSSY)).isTrue();
        assertThat(CodecRegistry.featureBit(CodecId.JPEG_LOSSY)).isEqualTo(org.svp.protocol.Feature.CODEC_JPEG);
    }

    @Test
    void imageIoFallbackReadsTheNativeStream() {
        JpegCodec codec = new JpegCodec();
        byte[] data = codec.newEncoder().encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h()).data();
        int[] out = new int[PHOTO.w() * PHOTO.h()];
        new ImageIoJpeg.Decoder().decode(data, PHOTO.w(), PHOTO.h(), out, 0, PHOTO.w(), 7);
        assertThat(psnr(PHOTO.rgb(), out)).isGreaterThanOrEqualTo(38.0);
        byte[] viaImageIo = new ImageIoJpeg.Encoder().encode(PHOTO.rgb(), 0, PHOTO.w(), PHOTO.w(), PHOTO.h(), 90, false);
        int[] back = new int[PHOTO.w() * PHOTO.h()];
        codec.newDecoder().decode(viaImageIo, PHOTO.w(), PHOTO.h(), back, 0, PHOTO.w(), 7);
        assertThat(psnr(PHOTO.rgb(), back)).as("ImageIO subsamples chroma 4:2:0").isGreaterThanOrEqualTo(25.0);
    }

    /** PSNR over R, G and B of two {@code 0x00RRGGBB} images, in dB. */
    static double psnr(int[] a, int[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = (a[i] >> s & 0xFF) - (b[i] >> s & 0xFF);
                se += d * d;
            }
        }
        double mse = se / (3.0 * a.length);
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
