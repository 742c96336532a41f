package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.svp.codec.Lz4BlockCodec;
import org.svp.protocol.error.PeerProtocolException;

/**
 * Client side: an LZ4 block with a size that may lie (the bitmap header's w × h says how long it must
 * decode; a hostile server says anything). Input: u32 claimed length (taken modulo 1 MiB), then the
 * block. Only a {@link PeerProtocolException} may come out; a block that does decode to the claimed
 * length compresses and decodes back to the same bytes.
 */
class Lz4BlockFuzz {
    private static final int MAX_CLAIM = 1 << 20;

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 4) {
            return;
        }
        int claimed = Math.floorMod(ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN).getInt(0), MAX_CLAIM);
        Lz4BlockCodec lz4 = new Lz4BlockCodec();
        byte[] out = new byte[claimed + 16];
        try {
            lz4.decompress(input, 4, input.length - 4, out, 8, claimed);
        } catch (PeerProtocolException bad) {
            return;
        }
        assertThat(Arrays.copyOfRange(out, 0, 8)).as("bytes before the output range").containsOnly(0);
        assertThat(Arrays.copyOfRange(out, 8 + claimed, out.length)).as("bytes after the output range").containsOnly(0);
        byte[] again = new byte[lz4.maxCompressedLength(claimed)];
        int n = lz4.compress(out, 8, claimed, again, 0, again.length);
        byte[] back = new byte[claimed];
        lz4.decompress(again, 0, n, back, 0, claimed);
        assertThat(back).isEqualTo(Arrays.copyOfRange(out, 8, 8 + claimed));
    }
}
