package org.svp.source.vnc.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

/** Tight (no JPEG) from hand-built rectangles: fill, copy, palette, gradient, stream reset, errors. */
class TightDecoderTest {
    private final Recorder rec = new Recorder();
    private final ServerMessageDecoder d = new ServerMessageDecoder(100, 100, rec);
    private final Deflater[] deflaters = {new Deflater(), new Deflater(), new Deflater(), new Deflater()};

    private static Wire head(int w, int h) {
        return new Wire().update(1).rect(0, 0, w, h, Encodings.TIGHT);
    }

    /** Compact length + zlib data on stream {@code s}. */
    private Wire compressed(Wire w, int s, byte[] data) {
        byte[] z = Wire.deflate(deflaters[s], data);
        int len = z.length;
        if (len < 128) {
            w.u8(len);
        } else if (len < 16384) {
            w.u8(0x80 | len & 0x7F, len >>> 7);
        } else {
            w.u8(0x80 | len & 0x7F, 0x80 | (len >>> 7) & 0x7F, len >>> 14);
        }
        return w.bytes(z);
    }

    @Test
    void fill() {
        Feed.all(d, head(2, 2).u8(0x80).u8(0x12, 0x34, 0x56).toArray());
        assertThat(rec.lastPixels).containsOnly(0x123456).hasSize(4);
    }

    @Test
    void copyFilterUncompressedWhenShortAndCompressedOtherwiseOnTwoStreams() {
        Feed.all(d, head(2, 1).u8(0x00).u8(1, 2, 3, 4, 5, 6).toArray()); // 6 bytes < 12: raw
        assertThat(rec.lastPixels).containsExactly(0x010203, 0x040506);

        byte[] rgb = new byte[3 * 50];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) i;
        }
        for (int round = 0; round < 2; round++) { // the second rectangle continues each stream
            Feed.all(d, compressed(head(50, 1).u8(0x10), 1, rgb).toArray());
            assertThat(rec.lastPixels[1]).isEqualTo(0x030405);
            Feed.all(d, compressed(head(10, 5).u8(0x30), 3, rgb).toArray());
            assertThat(rec.lastPixels[49]).isEqualTo((147 << 16) | (148 << 8) | 149);
        }
    }

    @Test
    void resetBitStartsTheStreamAfresh() {
        byte[] rgb = new byte[3 * 20];
        Feed.all(d, compressed(head(20, 1).u8(0x20), 2, rgb).toArray());
        deflaters[2] = new Deflater(); // the server resets its stream and says so with bit 2
        rgb[0] = 9;
        Feed.all(d, compressed(head(20, 1).u8(0x24), 2, rgb).toArray());
        assertThat(rec.lastPixels[0]).isEqualTo(0x090000);
    }

    @Test
    void twoColourPaletteIsOneBitAPixelAndLargerPalettesOneByte() {
        Feed.all(d, head(3, 1).u8(0x40, 1, 1).u8(0, 0, 0xFF).u8(0xFF, 0, 0).u8(0b0100_0000).toArray());
        assertThat(rec.lastPixels).containsExactly(0x0000FF, 0xFF0000, 0x0000FF);
        Feed.all(d, head(3, 1).u8(0x40, 1, 2).u8(1, 1, 1).u8(2, 2, 2).u8(3, 3, 3).u8(2, 0, 1).toArray());
        assertThat(rec.lastPixels).containsExactly(0x030303, 0x010101, 0x020202);
        assertThatThrownBy(() -> Feed.all(d, head(3, 1).u8(0x40, 1, 2).u8(1, 1, 1).u8(2, 2, 2).u8(3, 3, 3).u8(2, 0, 7).toArray()))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: Tight palette index 7 of a 3-colour palette");
    }

    @Test
    void gradientFilterPredictsFromLeftAboveAndAboveLeft() {
        // 2x2: first pixel 10,20,30; the rest are differences from the prediction
        byte[] data = {10, 20, 30, 1, 1, 1, 2, 2, 2, 0, 0, 0};
        Feed.all(d, compressed(head(2, 2).u8(0x40, 2), 0, data).toArray());
        // (1,0): left 10,20,30 + 1; (0,1): up 10,20,30 + 2; (1,1): 11+12-10 = 13, ...
        assertThat(rec.lastPixels).containsExactly(0x0A141E, 0x0B151F, 0x0C1620, 0x0D1721);
    }

    @Test
    void jpegAndUndefinedTypesAreRefused() {
        assertThatThrownBy(() -> Feed.all(d, head(1, 1).u8(0x90).toArray())).isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: Tight JPEG rectangle, though no JPEG quality level was requested");
        ServerMessageDecoder d2 = new ServerMessageDecoder(100, 100, rec);
        assertThatThrownBy(() -> Feed.all(d2, head(1, 1).u8(0x40, 5).toArray())).isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: Tight filter 5 is not defined");
    }

    @Test
    void aRectangleIsDecodedOnlyWhenAllOfItArrived() {
        byte[] rgb = new byte[3 * 40];
        rgb[3] = 7;
        byte[] bytes = compressed(head(40, 1).u8(0x00), 0, rgb).toArray();
        assertThat(Feed.chunks(d, bytes, 5)).isZero();
        assertThat(rec.lastPixels[1]).isEqualTo(0x070000);
    }
}
