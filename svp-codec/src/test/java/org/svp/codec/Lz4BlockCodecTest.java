package org.svp.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;

class Lz4BlockCodecTest {
    /** v1-vectors/display-10-dirty_rect-lz4.txt: 16×8 RGB32 of 0x00204060. */
    static final byte[] GOLDEN = HexFormat.ofDelimiter(" ").parseHex("4f 60 40 20 00 04 00 ff e5 50 00 60 40 20 00");

    private final Lz4BlockCodec codec = new Lz4BlockCodec();

    @Test
    void decodesTheV1GoldenBlock() {
        byte[] out = new byte[512];
        codec.decompress(GOLDEN, 0, GOLDEN.length, out, 0, 512);
        for (int i = 0; i < 512; i += 4) {
            assertThat(new byte[] {out[i], out[i + 1], out[i + 2], out[i + 3]})
                    .containsExactly(0x60, 0x40, 0x20, 0x00);
        }
    }

    @Test
    void rejectsATruncatedBlock() {
        byte[] out = new byte[512];
        assertThatThrownBy(() -> codec.decompress(GOLDEN, 0, GOLDEN.length - 3, out, 0, 512, 10))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("DIRTY_RECT")
                .satisfies(e -> assertThat(((PeerProtocolException) e).status()).isEqualTo(SvpStatus.BAD_BITMAP));
    }

    @Test
    void rejectsABlockThatDecodesShort() {
        byte[] out = new byte[1024];
        assertThatThrownBy(() -> codec.decompress(GOLDEN, 0, GOLDEN.length, out, 0, 1024))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("512");
    }

    @Test
    void rejectsABlockThatDecodesLong() {
        byte[] out = new byte[511];
        assertThatThrownBy(() -> codec.decompress(GOLDEN, 0, GOLDEN.length, out, 0, 511))
                .isInstanceOf(PeerProtocolException.class);
    }

    @Test
    void rejectsGarbage() {
        byte[] garbage = new byte[64];
        new Random(3).nextBytes(garbage);
        byte[] out = new byte[4096];
        assertThatThrownBy(() -> codec.decompress(garbage, 0, garbage.length, out, 0, 4096))
                .isInstanceOf(PeerProtocolException.class);
    }

    @Test
    void roundTripsAtOffsets() {
        byte[] src = new byte[3000];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i / 100);
        }
        byte[] block = new byte[codec.maxCompressedLength(2000) + 7];
        int n = codec.compress(src, 500, 2000, block, 7, block.length - 7);
        assertThat(n).isPositive().isLessThan(2000);
        byte[] out = new byte[2010];
        codec.decompress(block, 7, n, out, 10, 2000);
        assertThat(java.util.Arrays.copyOfRange(out, 10, 2010))
                .isEqualTo(java.util.Arrays.copyOfRange(src, 500, 2500));
    }

    @Test
    void compressReportsMinusOneWhenTheBlockDoesNotFit() {
        byte[] random = new byte[1000];
        new Random(4).nextBytes(random);
        byte[] dst = new byte[999];
        assertThat(codec.compress(random, 0, 1000, dst, 0, 999)).isEqualTo(-1);
    }
}
