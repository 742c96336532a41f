package org.svp.codec.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.svp.codec.BitmapCodec;
import org.svp.codec.BitmapDecoder;
import org.svp.codec.CodecRegistry;
import org.svp.codec.EncodedData;
import org.svp.codec.sample.SampleTiles;
import org.svp.codec.sample.SampleTiles.Tile;
import org.svp.codec.palette.PaletteCodec;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Bitmap;

/** Every codec of the registry decodes what it encoded, bit for bit, on recorded and synthetic tiles. */
class CodecRoundTripTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (BitmapCodec c : CodecRegistry.all()) {
            if (c.lossy()) {
                continue; // JPEG: jpeg.JpegCodecTest measures its PSNR instead
            }
            for (String name : SampleTiles.RECORDED) {
                out.add(Arguments.of(c.name(), name, SampleTiles.recorded(name)));
            }
            for (Map.Entry<String, Tile> e : SampleTiles.synthetic().entrySet()) {
                out.add(Arguments.of(c.name(), e.getKey(), e.getValue()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void roundTripIsBitExact(String codecName, String tileName, Tile t) {
        BitmapCodec codec = CodecRegistry.all().stream().filter(c -> c.name().equals(codecName)).findFirst().orElseThrow();
        int[] expected = Arrays.stream(t.rgb()).map(p -> p & 0xFFFFFF).toArray();
        // encode from inside a larger frame (offset and stride) to catch stride mistakes
        int pad = 3;
        int stride = t.w() + 2 * pad;
        int[] frame = new int[stride * (t.h() + 2)];
        Arrays.fill(frame, 0x123456);
        for (int y = 0; y < t.h(); y++) {
            System.arraycopy(t.rgb(), y * t.w(), frame, (y + 1) * stride + pad, t.w());
        }
        EncodedData enc = codec.newEncoder().encode(frame, stride + pad, stride, t.w(), t.h());
        long colours = Arrays.stream(expected).distinct().count();
        // LZ4 may decline anything (the caller sends RAW); PALETTE exactly the tiles without 1–256 colours
        boolean declines = codec.id() == CodecId.LZ4
                || codec.id() == CodecId.PALETTE && (colours > PaletteCodec.MAX_COLOURS || colours == 0);
        if (codec.id() == CodecId.PALETTE) {
            assertThat(enc == null).as("PALETTE declines " + tileName + " of " + colours + " colours").isEqualTo(declines);
        }
        if (enc == null) {
            assertThat(declines).as(codecName + " declined " + tileName).isTrue();
            return;
        }
        BitmapCodec.Decoder dec = codec.newDecoder();
        int[] got = new int[t.w() * t.h()];
        dec.decode(enc.data(), t.w(), t.h(), got, 0, t.w(), 1);
        assertThat(got).isEqualTo(expected);
        if (enc.cachedData() != null) {
            // the same decoder now holds the palette: the PAL_FROM_CACHE variant gives the same pixels
            assertThat(enc.cachedData().length).isLessThan(enc.data().length);
            int[] again = new int[got.length];
            dec.decode(enc.cachedData(), t.w(), t.h(), again, 0, t.w(), 1);
            assertThat(again).isEqualTo(expected);
        }
        // and through the BitmapDecoder every client and renderer uses
        Bitmap b = new Bitmap(PixelFormat.RGB32, codec.id(), 0, 0, t.w(), t.h(), enc.data());
        assertThat(new BitmapDecoder().decode(b, 1)).isEqualTo(expected);
    }

    @Test
    void compressesRecordedTextBetterThanLz4() {
        Tile t = SampleTiles.recorded("xterm-desktop-1280x800");
        int lz4 = size(CodecId.LZ4, t);
        int qoiz = size(CodecId.QOIZ, t);
        assertThat(qoiz).isLessThan(lz4 / 2);
        Tile text = SampleTiles.recorded("xterm-text");
        assertThat(size(CodecId.PALETTE, text)).isLessThan(size(CodecId.LZ4, text) / 2);
    }

    @Test
    void fromCacheWithoutThePaletteIsABadBitmap() {
        Tile t = SampleTiles.recorded("xterm-navy");
        EncodedData enc = CodecRegistry.byId(CodecId.PALETTE).newEncoder().encode(t.rgb(), 0, t.w(), t.w(), t.h());
        assertThat(enc.cachedData()[0]).isEqualTo((byte) PaletteCodec.PAL_FROM_CACHE);
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.PALETTE, 0, 0, t.w(), t.h(), enc.cachedData());
        assertThatThrownBy(() -> new BitmapDecoder().decode(b, 4))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("is not in the cache");
    }

    @Test
    void v2CodecsCarryRgb32Only() {
        Bitmap b = new Bitmap(PixelFormat.RGB16, CodecId.QOIZ, 0, 0, 1, 1, new byte[8]);
        assertThatThrownBy(() -> new BitmapDecoder().decode(b, 4))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("carries RGB32 only");
    }

    private static int size(int codec, Tile t) {
        return CodecRegistry.byId(codec).newEncoder().encode(t.rgb(), 0, t.w(), t.w(), t.h()).data().length;
    }
}
