package org.svp.source.vnc.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

/** ZRLE from hand-built tiles through one zlib stream that continues across rectangles. */
class ZrleDecoderTest {
    private final Recorder rec = new Recorder();
    private final ServerMessageDecoder d = new ServerMessageDecoder(200, 100, rec);
    private final Deflater deflater = new Deflater();

    private byte[] rect(int x, int y, int w, int h, byte[] tiles) {
        byte[] z = Wire.deflate(deflater, tiles);
        return new Wire().update(1).rect(x, y, w, h, Encodings.ZRLE).u32(z.length).bytes(z).toArray();
    }

    /** A CPIXEL: B, G, R. */
    private static Wire cpixel(Wire w, int rgb) {
        return w.u8(rgb & 0xFF, rgb >>> 8 & 0xFF, rgb >>> 16 & 0xFF);
    }

    @Test
    void solidRawPackedAndRleTilesAcrossOneContinuingStream() {
        Feed.all(d, rect(0, 0, 2, 1, cpixel(new Wire().u8(1), 0x123456).toArray()));
        assertThat(rec.lastPixels).containsExactly(0x123456, 0x123456);

        Feed.all(d, rect(5, 5, 2, 1, cpixel(cpixel(new Wire().u8(0), 0x010203), 0x040506).toArray()));
        assertThat(rec.lastPixels).containsExactly(0x010203, 0x040506);

        // packed palette, 2 colours, 1 bit: row 1010 0000 for a 3x1 tile
        Wire packed = cpixel(cpixel(new Wire().u8(2), 0x0000AA), 0x00BB00).u8(0b1010_0000);
        Feed.all(d, rect(0, 0, 3, 1, packed.toArray()));
        assertThat(rec.lastPixels).containsExactly(0x00BB00, 0x0000AA, 0x00BB00);

        // plain RLE in one 64x5 tile: 300 pixels of one colour (run 1 + 255 + 44), then 20 of another
        Wire rle = cpixel(new Wire().u8(128), 0xFF0000).u8(255, 44);
        cpixel(rle, 0x00FF00).u8(19);
        Feed.all(d, rect(0, 0, 64, 5, rle.toArray()));
        assertThat(rec.lastPixels[299]).isEqualTo(0xFF0000);
        assertThat(rec.lastPixels[300]).isEqualTo(0x00FF00);
        assertThat(rec.lastPixels[319]).isEqualTo(0x00FF00);
    }

    @Test
    void paletteRleTile() {
        // 2 colours; index 0 run of 3 (0x80 | 0, length byte 2), index 1 single
        Wire t = cpixel(cpixel(new Wire().u8(130), 0x111111), 0x222222).u8(0x80, 2).u8(1);
        Feed.all(d, rect(0, 0, 4, 1, t.toArray()));
        assertThat(rec.lastPixels).containsExactly(0x111111, 0x111111, 0x111111, 0x222222);
    }

    @Test
    void aPaletteIndexBeyondThePaletteIsAnError() {
        Wire t = cpixel(cpixel(new Wire().u8(130), 0x111111), 0x222222).u8(5);
        assertThatThrownBy(() -> Feed.all(d, rect(0, 0, 1, 1, t.toArray()))).isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: ZRLE palette index 5 of a 2-colour palette");
    }

    @Test
    void aRunLongerThanItsTileIsAnError() {
        Wire t = cpixel(new Wire().u8(128), 0x111111).u8(9);
        assertThatThrownBy(() -> Feed.all(d, rect(0, 0, 4, 1, t.toArray()))).isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: ZRLE run of 10 pixels where 4 are left in the tile");
    }

    @Test
    void truncatedAndCorruptDataAndUndefinedSubencodings() {
        assertThatThrownBy(() -> Feed.all(d, rect(0, 0, 4, 1, new Wire().u8(0).u8(1, 2, 3).toArray())))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: ZRLE data ended before the rectangle did");
        ServerMessageDecoder d2 = new ServerMessageDecoder(200, 100, rec);
        byte[] junk = new Wire().update(1).rect(0, 0, 1, 1, Encodings.ZRLE).u32(4).u8(1, 2, 3, 4).toArray();
        assertThatThrownBy(() -> Feed.all(d2, junk)).isInstanceOf(UpstreamException.class)
                .hasMessageStartingWith("the VNC server sent bad data: ZRLE zlib data is corrupt");
        ServerMessageDecoder d3 = new ServerMessageDecoder(200, 100, rec);
        Deflater other = new Deflater();
        byte[] z = Wire.deflate(other, new byte[] {17});
        assertThatThrownBy(() -> Feed.all(d3, new Wire().update(1).rect(0, 0, 1, 1, Encodings.ZRLE).u32(z.length).bytes(z).toArray()))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server sent bad data: ZRLE tile sub-encoding 17 is not defined");
    }

    @Test
    void aZlibBombAfterTheRectangleIsCutShort() {
        byte[] tiles = new byte[1 + 3 + 1_000_000];
        tiles[0] = 1; // solid, then a megabyte the rectangle does not need
        assertThatThrownBy(() -> Feed.all(d, rect(0, 0, 1, 1, tiles))).isInstanceOf(UpstreamException.class)
                .hasMessageContaining("bytes of data left over");
    }
}
