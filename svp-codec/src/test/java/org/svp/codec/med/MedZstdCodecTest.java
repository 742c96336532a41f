package org.svp.codec.med;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.svp.codec.BitmapCodec;
import org.svp.codec.CodecRegistry;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.error.PeerProtocolException;

/** MEDZ: the wire layout of protocol.md, its gain over QOIZ on photos, and what a decoder refuses. */
class MedZstdCodecTest {
    private final BitmapCodec codec = new MedZstdCodec();

    @Test
    void theMedianEdgeDetectorPredicts() {
        assertThat(MedPredictor.predict(10, 20, 25)).as("c above both: the smaller").isEqualTo(10);
        assertThat(MedPredictor.predict(10, 20, 5)).as("c below both: the larger").isEqualTo(20);
        assertThat(MedPredictor.predict(10, 20, 15)).as("else a + b - c").isEqualTo(15);
    }

    @Test
    void dataIsOneZstdFrameOfResidualPlanes() {
        // 2x2: (0,0) 0x102030, (1,0) 0x112233, (0,1) 0x0F1F2F, (1,1) 0x102030
        int[] px = {0x102030, 0x112233, 0x0F1F2F, 0x102030};
        byte[] data = codec.newEncoder().encode(px, 0, 2, 2, 2).data();
        byte[] res = Zstd.decompress(data, 12);
        // R plane: 0x10 - 0; 0x11 - left 0x10; 0x0F - above 0x10; 0x10 - MED(a 0x0F, b 0x11, c 0x10) = 0x10 - 0x10
        assertThat(Arrays.copyOfRange(res, 0, 4)).containsExactly(0x10, 0x01, 0xFF, 0x00);
        // G plane: 0x20; 0x22 - 0x20; 0x1F - 0x20; 0x20 - MED(0x1F, 0x22, 0x20) = 0x20 - 0x21
        assertThat(Arrays.copyOfRange(res, 4, 8)).containsExactly(0x20, 0x02, 0xFF, 0xFF);
        assertThat(Arrays.copyOfRange(res, 8, 12)).containsExactly(0x30, 0x03, 0xFF, 0xFE);
        int[] back = new int[4];
        codec.newDecoder().decode(data, 2, 2, back, 0, 2, 1);
        assertThat(back).containsExactly(px);
    }

    @Test
    void photosTakeFewerBytesThanQoiz() {
        SampleTiles.Tile photo = SampleTiles.synthetic().get("photo");
        int medz = codec.newEncoder().encode(photo.rgb(), 0, photo.w(), photo.w(), photo.h()).data().length;
        int qoiz = CodecRegistry.byId(CodecId.QOIZ).newEncoder().encode(photo.rgb(), 0, photo.w(), photo.w(), photo.h())
                .data().length;
        assertThat(medz).as("MEDZ vs QOIZ %d", qoiz).isLessThan(qoiz);
    }

    @Test
    void isRegisteredWithItsFeatureBit() {
        assertThat(CodecRegistry.byId(CodecId.MEDZ)).isInstanceOf(MedZstdCodec.class);
        assertThat(CodecRegistry.featureBit(CodecId.MEDZ)).isEqualTo(Feature.CODEC_MEDZ);
        assertThat(CodecRegistry.v2Features() & Feature.CODEC_MEDZ).isNotZero();
        assertThat(CodecRegistry.isV2(CodecId.MEDZ)).isTrue();
    }

    @Test
    void anEmptyBitmapHasNoData() {
        assertThat(codec.newEncoder().encode(new int[0], 0, 0, 0, 0).data()).isEmpty();
        BitmapCodec.Decoder d = codec.newDecoder();
        d.decode(new byte[0], 0, 5, new int[0], 0, 0, 1);
        assertThatThrownBy(() -> d.decode(new byte[] {1}, 0, 5, new int[0], 0, 0, 1))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("MEDZ: data for an empty bitmap");
    }

    @Test
    void aFrameOfAnotherLengthOrCorruptIsABadBitmap() {
        BitmapCodec.Decoder d = codec.newDecoder();
        byte[] short4 = Zstd.compress(new byte[3 * 4 - 1]);
        assertThatThrownBy(() -> d.decode(short4, 2, 2, new int[4], 0, 2, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("MEDZ");
        byte[] good = codec.newEncoder().encode(new int[] {1, 2, 3, 4}, 0, 2, 2, 2).data();
        byte[] cut = Arrays.copyOf(good, good.length - 2);
        assertThatThrownBy(() -> d.decode(cut, 2, 2, new int[4], 0, 2, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("MEDZ");
        assertThatThrownBy(() -> d.decode(new byte[0], 2, 2, new int[4], 0, 2, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("MEDZ: no zstd frame");
        assertThatThrownBy(() -> d.decode(good, 5000, 5000, new int[4], 0, 2, 7))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("too large");
    }
}
