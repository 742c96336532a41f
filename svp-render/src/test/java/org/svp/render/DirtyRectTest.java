package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.svp.codec.pixel.Palette;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DirtyRect;

class DirtyRectTest {
    private final Surface surface = Fixtures.filled(64, 64, 0x0000FF);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    /** Colours every format represents exactly: black, white and the xterm grey 0x808080. */
    private static int[] exactColours(int n) {
        int[] px = new int[n];
        int[] set = {0x000000, 0xFFFFFF, 0xFFFFFF, 0x000000, 0xFFFFFF};
        for (int i = 0; i < n; i++) {
            px[i] = set[(i * 7 + i / 5) % set.length];
        }
        return px;
    }

    @ParameterizedTest
    @EnumSource(PixelFormat.class)
    void everyFormatLandsAtItsPosition(PixelFormat f) {
        int[] px = exactColours(11 * 6);
        Rect damage = renderer.apply(new DirtyRect(Fixtures.bitmap(f, 30, 40, 11, 6, px)));
        assertThat(damage).isEqualTo(new Rect(30, 40, 11, 6));
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 11; x++) {
                assertThat(surface.get(30 + x, 40 + y)).isEqualTo(px[y * 11 + x]);
            }
        }
        assertThat(surface.get(29, 40)).isEqualTo(0x0000FF);
        assertThat(surface.get(41, 45)).isEqualTo(0x0000FF);
    }

    @Test
    void rgb8UsesTheXtermPalette() {
        Bitmap b = new Bitmap(PixelFormat.RGB8, CodecId.RAW, 0, 0, 4, 1, new byte[] {9, 21, (byte) 232, (byte) 255});
        renderer.apply(new DirtyRect(b));
        assertThat(new int[] {surface.get(0, 0), surface.get(1, 0), surface.get(2, 0), surface.get(3, 0)})
                .containsExactly(0xFF0000, 0x0000FF, 0x080808, 0xEEEEEE);
        assertThat(surface.get(1, 0)).isEqualTo(Palette.DEFAULT.rgb(21));
    }

    @Test
    void monoIsBlackAndWhiteMsbFirst() {
        Bitmap b = new Bitmap(PixelFormat.MONO, CodecId.RAW, 0, 0, 10, 1, new byte[] {(byte) 0x81, (byte) 0x40});
        renderer.apply(new DirtyRect(b));
        int[] row = Arrays.copyOf(surface.pixels(), 11);
        assertThat(row).containsExactly(0xFFFFFF, 0, 0, 0, 0, 0, 0, 0xFFFFFF, 0, 0xFFFFFF, 0x0000FF);
    }

    @Test
    void decodesTheV1GoldenLz4Rect() {
        byte[] lz4 = HexFormat.ofDelimiter(" ").parseHex("4f 60 40 20 00 04 00 ff e5 50 00 60 40 20 00");
        renderer.apply(new DirtyRect(new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 32, 48, 16, 8, lz4)));
        assertThat(Fixtures.count(surface, 0x204060)).isEqualTo(128);
        assertThat(surface.get(32, 48)).isEqualTo(0x204060);
        assertThat(surface.get(47, 55)).isEqualTo(0x204060);
        assertThat(surface.get(48, 55)).isEqualTo(0x0000FF);
    }

    @Test
    void partlyOffScreenAndClipped() {
        int[] px = Fixtures.ramp(10 * 10);
        Rect damage = renderer.apply(new DirtyRect(Fixtures.bitmap(PixelFormat.RGB32, -3, 60, 10, 10, px)));
        assertThat(damage).isEqualTo(new Rect(0, 60, 7, 4));
        assertThat(surface.get(0, 60)).isEqualTo(px[3]);
        assertThat(surface.get(6, 63)).isEqualTo(px[3 * 10 + 9]);

        renderer.apply(new ClipDraw(1, List.of(new Rect(2, 2, 2, 2))));
        damage = renderer.apply(new DirtyRect(Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 10, 10, px)));
        assertThat(damage).isEqualTo(new Rect(2, 2, 2, 2));
        assertThat(surface.get(2, 2)).isEqualTo(px[22]);
        assertThat(surface.get(1, 1)).isEqualTo(0x0000FF);
        assertThat(Fixtures.count(surface, 0x0000FF)).isEqualTo(64 * 64 - 28 - 4);
    }

    @Test
    void aBrokenBitmapIsABadBitmapAndDrawsNothing() {
        Bitmap b = new Bitmap(PixelFormat.RGB32, CodecId.RAW, 0, 0, 4, 4, new byte[60]);
        assertThatThrownBy(() -> renderer.apply(new DirtyRect(b)))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("DIRTY_RECT")
                .satisfies(e -> assertThat(((PeerProtocolException) e).status()).isEqualTo(SvpStatus.BAD_BITMAP));
        assertThat(surface.pixels()).containsOnly(0x0000FF);
        Bitmap jpeg = new Bitmap(PixelFormat.RGB32, CodecId.JPEG, 0, 0, 4, 4, new byte[64]);
        assertThatThrownBy(() -> renderer.apply(new DirtyRect(jpeg))).isInstanceOf(PeerProtocolException.class);
    }

    @Test
    void fullHdRgb32GoesStraightIntoTheSurface() {
        Surface screen = new Surface(1920, 1080);
        OrderRenderer r = new OrderRenderer(screen);
        int[] px = Fixtures.ramp(1920 * 1080);
        Bitmap b = Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 1920, 1080, px);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 15; i++) {
            long t = System.nanoTime();
            r.apply(new DirtyRect(b));
            best = Math.min(best, System.nanoTime() - t);
        }
        assertThat(screen.pixels()).isEqualTo(px);
        // a few ms on a 2-core CI machine; the bound only catches a pathological slow path
        assertThat(best / 1_000_000).isLessThan(40);
    }

    /**
     * The server's mirror takes a DIRTY_RECT's pixels as its encoder worker decoded them: the same
     * surface as decoding, and inside a CLIP_DRAW run or off the surface it decodes as {@code apply}
     * does (the given pixels are then not used: here they are wrong on purpose).
     */
    @Test
    void applyDecodedDrawsWhatApplyDraws() {
        int[] px = exactColours(9 * 5);
        Surface other = Fixtures.filled(64, 64, 0x0000FF);
        DirtyRect d = new DirtyRect(Fixtures.bitmap(PixelFormat.RGB32, 7, 50, 9, 5, px));
        assertThat(renderer.applyDecoded(d, px)).isEqualTo(new OrderRenderer(other).apply(d));
        assertThat(surface.pixels()).isEqualTo(other.pixels());

        int[] wrong = new int[px.length];
        Arrays.fill(wrong, 0x123456);
        DirtyRect offSurface = new DirtyRect(Fixtures.bitmap(PixelFormat.RGB32, 60, 62, 9, 5, px));
        Surface third = Fixtures.filled(64, 64, 0x0000FF);
        OrderRenderer thirdRenderer = new OrderRenderer(third);
        thirdRenderer.apply(d);
        assertThat(renderer.applyDecoded(offSurface, wrong)).isEqualTo(thirdRenderer.apply(offSurface));
        renderer.apply(new ClipDraw(1, List.of(new Rect(8, 51, 2, 2))));
        thirdRenderer.apply(new ClipDraw(1, List.of(new Rect(8, 51, 2, 2))));
        DirtyRect clipped = new DirtyRect(Fixtures.bitmap(PixelFormat.RGB32, 7, 50, 9, 5, exactColours(9 * 5 + 3)));
        assertThat(renderer.applyDecoded(clipped, wrong)).isEqualTo(thirdRenderer.apply(clipped));
        assertThat(surface.pixels()).isEqualTo(third.pixels()).doesNotContain(0x123456);
    }
}
