package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.svp.codec.BitmapCodec;
import org.svp.codec.textz.TextzCodec;
import org.svp.codec.zstream.ZstreamCodec;

/**
 * Client side: a hostile server's TEXTZ bitmaps (codec 6), several in a row through one decoder, as one
 * display connection sees them (the decoder keeps the stream's history and the glyph slots, so a slot
 * stored by one bitmap can be drawn by the next). Input: repeated {u8 w, u8 h, u16 LE length, length
 * bytes of data} (w &lt; 0x80), or a bare program ({@link #program}). Only a {@code PeerProtocolException} may come out, and pixels are written only inside
 * the bitmap's rectangle of the destination, without a top byte. Plain runs replay
 * {@code src/test/resources/org/svp/TextzDecodeFuzzInputs/} (the encoder's output for text, touching
 * lines and a picture, some cut or lying about their size); {@code JAZZER_FUZZ=1} fuzzes.
 */
class TextzDecodeFuzz {
    /** Destination frame: a 70 × 70 screen with the bitmap at (3, 2), so an overrun shows as changed padding. */
    private static final int STRIDE = 70;
    private static final int PAD = 0x7F7F7F7F;

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length >= 3 && (input[0] & 0x80) != 0) {
            program(input);
            return;
        }
        BitmapCodec.Decoder decoder = new TextzCodec().newDecoder();
        int at = 0;
        while (at + 4 <= input.length) {
            int w = (input[at] & 0xFF) % 64;
            int h = (input[at + 1] & 0xFF) % 64;
            int len = Math.min((input[at + 2] & 0xFF) | (input[at + 3] & 0xFF) << 8, input.length - at - 4);
            byte[] data = Arrays.copyOfRange(input, at + 4, at + 4 + len);
            at += 4 + len;
            if (!decodeAndCheck(decoder, data, w, h)) {
                return; // the connection would close here
            }
        }
    }

    /**
     * Program mode (first byte ≥ 0x80): {u8 flag, u8 w, u8 h, program…}. The program is compressed into
     * a real stream here, so the fuzzer reaches the program interpreter (strips, glyphs, slots) with
     * every byte instead of stopping at zstd's checks; run twice through one decoder, so stored slots
     * are drawn the second time.
     */
    private static void program(byte[] input) {
        int w = (input[1] & 0xFF) % 64;
        int h = (input[2] & 0xFF) % 64;
        byte[] prog = Arrays.copyOfRange(input, 3, input.length);
        if (prog.length == 0) {
            return;
        }
        BitmapCodec.Decoder decoder = new TextzCodec().newDecoder();
        try (ZstreamCodec.StreamEncoder stream = new ZstreamCodec().newEncoder()) {
            for (int pass = 0; pass < 2; pass++) {
                byte[] chunk = stream.compress(ByteBuffer.allocateDirect(prog.length).put(prog).flip());
                byte[] data = new byte[4 + chunk.length];
                data[0] = (byte) prog.length;
                data[1] = (byte) (prog.length >>> 8);
                data[2] = (byte) (prog.length >>> 16);
                System.arraycopy(chunk, 0, data, 4, chunk.length);
                if (!decodeAndCheck(decoder, data, w, h)) {
                    return;
                }
            }
        }
    }

    /** @return false when the decoder refused the data (the only failure allowed) */
    private static boolean decodeAndCheck(BitmapCodec.Decoder decoder, byte[] data, int w, int h) {
        int[] dst = new int[STRIDE * STRIDE];
        Arrays.fill(dst, PAD);
        try {
            decoder.decode(data, w, h, dst, 2 * STRIDE + 3, STRIDE, 0x64);
        } catch (org.svp.protocol.error.PeerProtocolException bad) {
            return false;
        }
        {
            int outside = 0; // plain loops: an assertion per pixel would dominate the fuzzing time
            int topBytes = 0;
            for (int y = 0; y < STRIDE; y++) {
                for (int x = 0; x < STRIDE; x++) {
                    boolean inside = x >= 3 && x < 3 + w && y >= 2 && y < 2 + h;
                    if (inside) {
                        topBytes |= dst[y * STRIDE + x] >>> 24;
                    } else if (dst[y * STRIDE + x] != PAD) {
                        outside++;
                    }
                }
            }
            assertThat(outside).as("pixels written outside the bitmap").isZero();
            assertThat(topBytes).as("decoded pixels have no top byte").isZero();
        }
        return true;
    }
}
