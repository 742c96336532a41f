package org.svp.codec.pixel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svp.protocol.PixelFormat;

class PixelConverterTest {
    private static int[] randomPixels(int n, long seed) {
        Random r = new Random(seed);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextInt() & 0xFFFFFF;
        }
        return p;
    }

    private static int[] roundTrip(PixelFormat f, int[] src, int w, int h) {
        byte[] wire = new byte[(int) f.dataLength(w, h)];
        PixelConverter.fromRgb(src, 0, w, w, h, f, wire, 0);
        int[] back = new int[w * h];
        PixelConverter.toRgb(f, wire, 0, w, h, null, back, 0, w);
        return back;
    }

    @ParameterizedTest
    @EnumSource(value = PixelFormat.class, names = {"RGB32", "BGR24", "RGB24"})
    void trueColourFormatsRoundTripExactly(PixelFormat f) {
        int[] src = randomPixels(37 * 11, 1);
        assertThat(roundTrip(f, src, 37, 11)).isEqualTo(src);
    }

    @Test
    void rgb16RoundTripsWithinQuantisation() {
        int[] src = randomPixels(64 * 3, 2);
        int[] back = roundTrip(PixelFormat.RGB16, src, 64, 3);
        for (int i = 0; i < src.length; i++) {
            assertThat(Math.abs(((src[i] >> 16) & 0xFF) - ((back[i] >> 16) & 0xFF))).isLessThanOrEqualTo(7);
            assertThat(Math.abs(((src[i] >> 8) & 0xFF) - ((back[i] >> 8) & 0xFF))).isLessThanOrEqualTo(3);
            assertThat(Math.abs((src[i] & 0xFF) - (back[i] & 0xFF))).isLessThanOrEqualTo(7);
            assertThat(back[i] >>> 24).isZero();
        }
    }

    @Test
    void rgb16ExpandsByBitReplication() {
        // 0xFFFF = white, 0xF800 = pure red, 0x0821 = r1 g1 b1
        byte[] wire = {(byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0xF8, 0x21, 0x08, 0x00, 0x00};
        int[] out = new int[4];
        PixelConverter.toRgb(PixelFormat.RGB16, wire, 0, 4, 1, null, out, 0, 4);
        assertThat(out).containsExactly(0xFFFFFF, 0xFF0000, 0x080408, 0x000000);
    }

    @Test
    void rgb32ReadsLittleEndianAndDropsTheFourthByte() {
        byte[] wire = {0x60, 0x40, 0x20, (byte) 0xFF, 0x01, 0x02, 0x03, 0x7F};
        int[] out = new int[2];
        PixelConverter.toRgb(PixelFormat.RGB32, wire, 0, 2, 1, null, out, 0, 2);
        assertThat(out).containsExactly(0x204060, 0x030201);
    }

    @Test
    void rgb32WritesAZeroFourthByteWhateverTheIntsTopByte() {
        int[] frame = {0xAB112233, 0x7F445566, 0x00778899};
        byte[] wire = new byte[2 * 4 + 2];
        wire[9] = 0x5A;
        PixelConverter.fromRgb(frame, 1, 3, 2, 1, PixelFormat.RGB32, wire, 1);
        assertThat(wire).containsExactly(0, 0x66, 0x55, 0x44, 0, (byte) 0x99, (byte) 0x88, 0x77, 0, 0x5A);
    }

    @Test
    void threeByteFormatsUseTheirByteOrder() {
        byte[] wire = {0x11, 0x22, 0x33};
        int[] out = new int[1];
        PixelConverter.toRgb(PixelFormat.BGR24, wire, 0, 1, 1, null, out, 0, 1);
        assertThat(out[0]).isEqualTo(0x332211);
        PixelConverter.toRgb(PixelFormat.RGB24, wire, 0, 1, 1, null, out, 0, 1);
        assertThat(out[0]).isEqualTo(0x112233);
    }

    @Test
    void rgb8RoundTripsPaletteColours() {
        int[] src = new int[256];
        for (int i = 0; i < 256; i++) {
            src[i] = Palette.DEFAULT.rgb(i);
        }
        assertThat(roundTrip(PixelFormat.RGB8, src, 16, 16)).isEqualTo(src);
    }

    @Test
    void defaultPaletteIsXterm() {
        Palette p = Palette.DEFAULT;
        assertThat(p.rgb(0)).isEqualTo(0x000000);
        assertThat(p.rgb(1)).isEqualTo(0x800000);
        assertThat(p.rgb(7)).isEqualTo(0xC0C0C0);
        assertThat(p.rgb(9)).isEqualTo(0xFF0000);
        assertThat(p.rgb(15)).isEqualTo(0xFFFFFF);
        assertThat(p.rgb(16)).isEqualTo(0x000000);
        assertThat(p.rgb(17)).isEqualTo(0x00005F);
        assertThat(p.rgb(196)).isEqualTo(0xFF0000);
        assertThat(p.rgb(231)).isEqualTo(0xFFFFFF);
        assertThat(p.rgb(232)).isEqualTo(0x080808);
        assertThat(p.rgb(255)).isEqualTo(0xEEEEEE);
    }

    @Test
    void monoIsMsbFirstWithPaddedRows() {
        // 10 px wide: rows of 2 bytes
        byte[] wire = {(byte) 0b1010_0000, (byte) 0b0100_0000, 0x00, (byte) 0b1100_0000};
        int[] out = new int[20];
        PixelConverter.toRgb(PixelFormat.MONO, wire, 0, 10, 2, null, out, 0, 10);
        int w = 0xFFFFFF;
        assertThat(out).containsExactly(w, 0, w, 0, 0, 0, 0, 0, 0, w, 0, 0, 0, 0, 0, 0, 0, 0, w, w);
    }

    @Test
    void monoRoundTripsBlackAndWhite() {
        int[] src = new int[13 * 3];
        for (int i = 0; i < src.length; i++) {
            src[i] = i % 3 == 0 ? 0xFFFFFF : 0;
        }
        assertThat(roundTrip(PixelFormat.MONO, src, 13, 3)).isEqualTo(src);
    }

    @Test
    void monoThresholdsOnLuminance() {
        int[] src = {0x808080, 0x7F7F7F, 0x00FF00, 0x0000FF};
        byte[] wire = new byte[1];
        PixelConverter.fromRgb(src, 0, 4, 4, 1, PixelFormat.MONO, wire, 0);
        assertThat(wire[0]).isEqualTo((byte) 0b1010_0000);
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void honoursOffsetsAndStrides(PixelFormat f) {
        int[] frame = new int[10 * 6];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = i % 2 == 0 ? 0xFFFFFF : 0;
        }
        byte[] wire = new byte[(int) f.dataLength(3, 2) + 5];
        PixelConverter.fromRgb(frame, 12, 10, 3, 2, f, wire, 5);
        int[] out = new int[8 * 4];
        java.util.Arrays.fill(out, 0x123456);
        PixelConverter.toRgb(f, wire, 5, 3, 2, Palette.DEFAULT, out, 9, 8);
        assertThat(out[9]).isEqualTo(0xFFFFFF);
        assertThat(out[10]).isEqualTo(0);
        assertThat(out[11]).isEqualTo(0xFFFFFF);
        assertThat(out[12]).isEqualTo(0x123456);
        assertThat(out[17]).isEqualTo(0xFFFFFF);
        assertThat(out[8]).isEqualTo(0x123456);
    }
}
