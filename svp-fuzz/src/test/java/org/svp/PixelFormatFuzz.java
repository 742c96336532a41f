package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.svp.codec.BitmapDecoder;
import org.svp.codec.CodecRegistry;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Bitmap;

/**
 * Client side: every pixel format conversion, RAW and LZ4 (and the v2 codecs a codec byte reaches), with
 * sizes that may not match the data.
 * Input: u8 format (any of the six, or an unknown one), u8 codec, u8 width, u8 height, u8 palette
 * seed, then the data. Only a {@link PeerProtocolException} may come out; a decoded bitmap has
 * exactly w × h pixels with the top byte clear.
 */
class PixelFormatFuzz {
    private static final PixelFormat[] FORMATS = PixelFormat.values();

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 5) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        int f = b.get(0) & 0xFF;
        PixelFormat format = f < FORMATS.length ? FORMATS[f] : null;
        int codec = (b.get(1) & 0xFF) % 4 == 3 ? b.get(1) & 0xFF : (b.get(1) & 0xFF) % 2;
        int w = b.get(2) & 0xFF;
        int h = b.get(3) & 0xFF;
        int seed = b.get(4) & 0xFF;
        BitmapDecoder decoder = new BitmapDecoder();
        if (seed % 2 == 1) { // a peer palette instead of the default one
            int[] colours = new int[256];
            Arrays.setAll(colours, i -> i * seed * 0x10101);
            decoder.setPalette(org.svp.codec.pixel.Palette.of(colours).withMono(seed * 0x10203, ~seed));
        }
        Bitmap bitmap = new Bitmap(format, codec, 0, 0, w, h, Arrays.copyOfRange(input, 5, input.length));
        int[] px;
        try {
            px = decoder.decode(bitmap, 10);
        } catch (PeerProtocolException bad) {
            return;
        }
        // RAW and LZ4, or a v2 codec the decoder also knows (codec bytes 3, 7, … reach PALETTE and others)
        assertThat(codec == CodecId.RAW || codec == CodecId.LZ4 || CodecRegistry.isV2(codec))
                .as("decoded with codec %d", codec).isTrue();
        assertThat(px).hasSize(w * h);
        for (int p : px) {
            assertThat(p >>> 24).isZero();
        }
    }
}
