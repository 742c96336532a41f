package org.svp.codec.textz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.svp.codec.BitmapCodec;
import org.svp.codec.sample.SampleTiles;
import org.svp.codec.sample.SampleTiles.Tile;
import org.svp.codec.zstream.ZstreamCodec;
import org.svp.protocol.error.PeerProtocolException;

/**
 * TEXTZ: one encoder and one decoder (a connection's two ends) stay bit-exact over a sequence of
 * bitmaps, through glyph stores, cache hits, slot eviction, touching lines and picture strips; text
 * costs less than ZSTREAM's RGB24 stream; and hostile programs are BAD_BITMAP errors.
 */
class TextzCodecTest {
    private final TextzCodec codec = new TextzCodec();

    private static int[] rows(Tile t, int y, int h) {
        return Arrays.copyOfRange(t.rgb(), y * t.w(), (y + h) * t.w());
    }

    private static int[] rgb(int[] px) {
        return Arrays.stream(px).map(p -> p & 0xFFFFFF).toArray();
    }

    private static int[] decode(BitmapCodec.Decoder d, byte[] data, int w, int h) {
        int[] out = new int[w * h];
        d.decode(data, w, h, out, 0, w, 0x64);
        return out;
    }

    /** Encodes a bitmap into the stream, decodes it at the other end, asserts it exact; @return its bytes */
    private static int roundTrip(TextzEncoder enc, BitmapCodec.Decoder dec, int[] px, int w, int h, String what) {
        byte[] data = enc.encode(px, 0, w, w, h).data();
        assertThat(decode(dec, data, w, h)).as(what).isEqualTo(rgb(px));
        return data.length;
    }

    /**
     * A terminal printing new lines of a 60-glyph font (7×15 cells, anti-aliased ink): every line is new,
     * every glyph in it was seen before. ZSTREAM has to find each glyph's rows again in its window; TEXTZ
     * sends a slot per glyph. Both exact; TEXTZ at most half of ZSTREAM's bytes.
     */
    @Test
    void newLinesOfKnownGlyphsAreExactAndCostLessThanHalfOfZstream() {
        java.util.Random rnd = new java.util.Random(7);
        int cols = 80;
        int w = cols * 7 + 4;
        int[][] font = new int[60][7 * 15];
        for (int[] g : font) {
            Arrays.fill(g, 0xFFFFFF);
            for (int y = 3; y < 13; y++) {
                for (int x = 1; x < 6; x++) {
                    if (rnd.nextInt(3) == 0) {
                        g[y * 7 + x] = 0x111111 * rnd.nextInt(12); // grey levels as anti-aliasing makes them
                    }
                }
            }
        }
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        ZstreamCodec.StreamEncoder zs = new ZstreamCodec().newEncoder();
        long textz = 0;
        long zstream = 0;
        for (int line = 0; line < 300; line++) {
            int[] px = new int[w * 15];
            Arrays.fill(px, 0xFFFFFF);
            for (int c = 0; c < cols; c++) {
                int[] g = font[rnd.nextInt(font.length)];
                for (int y = 0; y < 15; y++) {
                    System.arraycopy(g, y * 7, px, y * w + 2 + c * 7, 7);
                }
            }
            textz += roundTrip(enc, dec, px, w, 15, "line " + line);
            zstream += zs.encode(px, 0, w, w, 15).data().length;
        }
        assertThat(textz).as("TEXTZ vs ZSTREAM (%d bytes) on the same 300 lines", zstream).isLessThan(zstream / 2);
        enc.close();
        zs.close();
    }

    @Test
    void recordedTerminalLinesStayExactAndRepeatsAreCheap() {
        Tile t = SampleTiles.recorded("xterm-text");
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        long first = 0;
        for (int pass = 0; pass < 2; pass++) { // the second pass: every glyph is in a slot
            long bytes = 0;
            for (int y = 0; y + 14 <= t.h(); y += 14) {
                bytes += roundTrip(enc, dec, rows(t, y, 14), t.w(), 14, "pass " + pass + " line at row " + y);
            }
            if (pass == 0) {
                first = bytes;
            } else {
                assertThat(bytes).as("the same lines again (first time %d)", first).isLessThan(first / 8);
            }
        }
        enc.close();
    }

    @Test
    void wholeRecordedDesktopAndTheServersIntFormAreExact() {
        Tile t = SampleTiles.recorded("xterm-desktop-1280x800");
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        assertThat(decode(dec, enc.encode(t.rgb(), 0, t.w(), t.w(), t.h()).data(), t.w(), t.h())).isEqualTo(rgb(t.rgb()));
        // the server's path: native-order ints as the encoder workers prepare them
        ByteBuffer ints = ByteBuffer.allocateDirect(4 * t.w() * t.h());
        ints.duplicate().order(java.nio.ByteOrder.nativeOrder()).asIntBuffer().put(t.rgb());
        byte[] again = enc.compressPixels(ints, t.w(), t.h());
        assertThat(ints.position()).as("the buffer is not consumed").isZero();
        assertThat(decode(dec, again, t.w(), t.h())).isEqualTo(rgb(t.rgb()));
        enc.close();
    }

    /** Lines that touch (no background row between them) still come apart into reusable glyphs. */
    @Test
    void touchingLinesAndPicturesAreExact() {
        int w = 120;
        int h = 40;
        int[] px = new int[w * h];
        Arrays.fill(px, 0xFFFFFF);
        for (int y = 0; y < h; y++) {
            for (int x = 2; x < w - 2; x++) {
                int cell = x % 8;
                if (cell < 5 && ((x / 8 + y) % 3 != 0)) {
                    px[y * w + x] = 0x101010 * (1 + (x + y) % 7); // every row has ink: no background row
                }
            }
        }
        int[] picture = new int[64 * 16];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = i * 2654435761L % 255 == 0 ? 0 : i * 37; // no background column at all
        }
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        byte[] first = enc.encode(px, 0, w, w, h).data();
        assertThat(decode(dec, first, w, h)).isEqualTo(rgb(px));
        byte[] again = enc.encode(px, 0, w, w, h).data();
        assertThat(decode(dec, again, w, h)).isEqualTo(rgb(px));
        assertThat(again.length).as("the same touching lines again (first: %d bytes)", first.length)
                .isLessThan(first.length / 2);
        assertThat(decode(dec, enc.encode(picture, 0, 64, 64, 16).data(), 64, 16)).isEqualTo(rgb(picture));
        enc.close();
    }

    /**
     * Ink in the middle of a wide strip, glyphs of every width from 1 to 7 (the glyph key's tail
     * columns), and pixels whose top byte alone differs from the background all stay exact, and the
     * same strip again costs only slots.
     */
    @Test
    void inkInTheMiddleOddWidthsAndTopBytesAreExact() {
        int w = 300;
        int h = 13;
        int[] px = new int[w * h];
        Arrays.fill(px, 0xF0F0F0);
        for (int y = 1; y < h - 1; y++) {
            for (int x = 100; x < 170; x++) {
                int cell = (x - 100) % 10;
                if (cell < 1 + (x - 100) / 10 && (x * 7 + y * 3) % 5 != 0) { // widths 1..7
                    px[y * w + x] = 0x202020 + 0x030301 * ((x + y) % 9);
                }
            }
        }
        px[5 * w + 290] = 0xFFF0F0F0; // the background, top byte set
        px[2 * w + 3] = 0x7FF0F0F0;
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        int first = roundTrip(enc, dec, px, w, h, "first");
        int again = roundTrip(enc, dec, px, w, h, "again");
        assertThat(again).as("again (first %d bytes)", first).isLessThan(first / 2);
        enc.close();
    }

    /** More distinct glyphs than slots: the least recently used slots are given up, both ends agree. */
    @Test
    void slotsAreReusedWhenMoreGlyphsThanSlotsAreSeen() {
        int glyphs = TextzCodec.SLOTS + 700;
        int perRow = 40;
        int w = perRow * 4;
        TextzEncoder enc = codec.newEncoder();
        BitmapCodec.Decoder dec = codec.newDecoder();
        int[] first = null;
        for (int base = 0; base < glyphs; base += perRow) {
            int[] px = new int[w * 3];
            Arrays.fill(px, 0x000080);
            for (int g = 0; g < perRow; g++) {
                int id = base + g; // a 3x3 glyph whose pixels spell its id: all distinct
                for (int i = 0; i < 9; i++) {
                    px[(i / 3) * w + g * 4 + i % 3] = (id * 9 + i) * 0x010203 & 0xFFFFFF | 0x010101;
                }
            }
            roundTrip(enc, dec, px, w, 3, "glyphs " + base + "..");
            if (first == null) {
                first = px;
            }
        }
        // the first row's glyphs were given up long ago: stored again into reused slots, exact again
        // (a slot the two ends disagreed on would draw another glyph here)
        for (int round = 0; round < 2; round++) {
            roundTrip(enc, dec, first, w, 3, "round " + round);
        }
        enc.close();
    }

    @Test
    void emptyBitmapHasNoData() {
        TextzEncoder enc = codec.newEncoder();
        assertThat(enc.encode(new int[0], 0, 0, 0, 0).data()).isEmpty();
        assertThatThrownBy(() -> decode(codec.newDecoder(), new byte[] {1}, 0, 5))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("empty bitmap");
        enc.close();
    }

    /** A program made by hand, sent through a real stream: u32 length, then the chunk. */
    private static byte[] program(ZstreamCodec.StreamEncoder stream, int... bytes) {
        byte[] prog = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            prog[i] = (byte) bytes[i];
        }
        ByteBuffer in = ByteBuffer.allocateDirect(prog.length).put(prog).flip();
        byte[] chunk = stream.compress(in);
        byte[] data = new byte[4 + chunk.length];
        data[0] = (byte) prog.length;
        data[1] = (byte) (prog.length >>> 8);
        System.arraycopy(chunk, 0, data, 4, chunk.length);
        return data;
    }

    @Test
    void hostileProgramsAreBadBitmapErrors() {
        ZstreamCodec.StreamEncoder s = new ZstreamCodec().newEncoder();
        // text strip, 2 rows, bg white, 1 glyph: gap 0, row 0, CACHED slot 7 (never stored)
        byte[] cachedEmpty = program(s, 1, 1, -1, -1, -1, 1, 0, 0, 0, 0, 0, 7, 0);
        assertThatThrownBy(() -> decode(codec.newDecoder(), cachedEmpty, 4, 2)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("TEXTZ").hasMessageContaining("slot 7");
        ZstreamCodec.StreamEncoder s2 = new ZstreamCodec().newEncoder();
        // a glyph at x 3 width 2 in a 4-wide strip: gap 3, row 0, LITERAL 2x1
        byte[] outside = program(s2, 1, 0, 0, 0, 0, 1, 0, 3, 0, 0, 2, 1, 0, 1, 2, 3, 4, 5, 6);
        assertThatThrownBy(() -> decode(codec.newDecoder(), outside, 4, 1)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("leaves");
        ZstreamCodec.StreamEncoder s3 = new ZstreamCodec().newEncoder();
        // a strip of 3 rows in a 2-row bitmap
        byte[] tall = program(s3, 1, 2, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> decode(codec.newDecoder(), tall, 4, 2)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("strip of 3 rows");
        ZstreamCodec.StreamEncoder s4 = new ZstreamCodec().newEncoder();
        // pixel strip cut short
        byte[] shortPixels = program(s4, 0, 0, 1, 2, 3);
        assertThatThrownBy(() -> decode(codec.newDecoder(), shortPixels, 4, 1)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("ends early");
        // a one-byte chunk that claims a 10 MB program: refused once the chunk is used up (the decoder's
        // buffer grows only with what really decodes)
        ZstreamCodec.StreamEncoder s5 = new ZstreamCodec().newEncoder();
        byte[] lying = program(s5, 1);
        lying[0] = (byte) 0x80;
        lying[1] = (byte) 0x96;
        lying[2] = (byte) 0x98; // 10 000 000
        assertThatThrownBy(() -> decode(codec.newDecoder(), lying, 1000, 1000)).isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("decodes to 1 bytes, 10000000 announced");
        s5.close();
        // a length beyond any program for the size, and a corrupt chunk
        assertThatThrownBy(() -> decode(codec.newDecoder(), new byte[] {-1, -1, -1, 0, 1, 2}, 2, 2))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("program of");
        assertThatThrownBy(() -> decode(codec.newDecoder(), new byte[] {10, 0, 0, 0, 1, 2, 3, 4, 5}, 2, 2))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("TEXTZ");
        s.close();
        s2.close();
        s3.close();
        s4.close();
    }
}
