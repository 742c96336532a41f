package org.svp;

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
 * bytes of data} (w &lt; 0x80), or a bare program ({@link #program}). Only a
 * {@code PeerProtocolException} may come out, and pixels are written only inside the bitmap's
 * rectangle of the destination, without a top byte ({@link ZstreamDecodeFuzz#decodeAndCheck}). Plain runs replay
 * {@code src/test/resources/org/svp/TextzDecodeFuzzInputs/} (the encoder's output for text, touching
 * lines and a picture, some cut or lying about their size); {@code JAZZER_FUZZ=1} fuzzes.
 */
class TextzDecodeFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length >= 3 && (input[0] & 0x80) != 0) {
            program(input);
            return;
        }
        ZstreamDecodeFuzz.replay(new TextzCodec().newDecoder(), input);
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
                if (!ZstreamDecodeFuzz.decodeAndCheck(decoder, data, w, h)) {
                    return;
                }
            }
        }
    }
}
