package org.svp.vrde.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.vrde.sim.guest.GlyphFont;
import org.svp.vrde.sim.guest.GuestOrders;
import org.svp.vrde.sim.guest.PointerShapes;

/** The VRDE records have the packed sizes and field offsets of spec §4 and §6. */
class GuestOrdersTest {
    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void fixedOrdersHaveTheSpecSizesAfterTheirCode() {
        Rect r = new Rect(1, 2, 3, 4);
        byte[] hash = new byte[16];
        assertThat(GuestOrders.solidRect(r, 0x112233).record()).hasSize(4 + 12);
        assertThat(GuestOrders.solidBlt(r, 0, 0xCC).record()).hasSize(4 + 13);
        assertThat(GuestOrders.dstBlt(r, 0x55).record()).hasSize(4 + 9);
        assertThat(GuestOrders.screenBlt(r, 5, 6, 0xCC).record()).hasSize(4 + 13);
        assertThat(GuestOrders.patBltBrush(r, 0, 0, 1, 2, 0xF0, new byte[8]).record()).hasSize(4 + 27);
        assertThat(GuestOrders.memBlt(r, 0, 0, 0xCC, hash).record()).hasSize(4 + 29);
        assertThat(GuestOrders.deletedBitmap(hash).record()).hasSize(4 + 16);
        assertThat(GuestOrders.line(0, 0, 5, 5, 13, 0).record()).hasSize(4 + 21);
        assertThat(GuestOrders.polyline(new Point(0, 0), 13, 0, List.of(new Point(3, 3))).record()).hasSize(4 + 74);
        assertThat(GuestOrders.ellipse(new Point(0, 0), new Point(9, 9), 13, 1, 0).record()).hasSize(4 + 14);
        assertThat(GuestOrders.saveScreen(new Point(0, 0), new Point(9, 9), 1).record()).hasSize(4 + 10);
    }

    @Test
    void solidRectFieldsAreLittleEndianAtTheirOffsets() {
        ByteBuffer b = le(GuestOrders.solidRect(new Rect(-5, 7, 300, 40), 0xA1B2C3).record());
        assertThat(b.getInt(0)).isEqualTo(GuestOrders.SOLIDRECT);
        assertThat(b.getShort(4)).isEqualTo((short) -5);
        assertThat(b.getShort(6)).isEqualTo((short) 7);
        assertThat(b.getShort(8) & 0xFFFF).isEqualTo(300);
        assertThat(b.getShort(10) & 0xFFFF).isEqualTo(40);
        assertThat(b.getInt(12)).isEqualTo(0xA1B2C3);
    }

    @Test
    void cachedBitmapCarriesHashThenDataBits() {
        int[] px = {0x010203, 0x040506};
        ByteBuffer b = le(GuestOrders.cachedBitmap(new byte[16], 2, 1, 32, px).record());
        assertThat(b.limit()).isEqualTo(4 + 16 + 13 + 8);
        assertThat(b.getInt(20)).isEqualTo(8); // cb
        assertThat(b.getShort(28)).isEqualTo((short) 2); // cWidth
        assertThat(b.get(32)).isEqualTo((byte) 4); // cbPixel
        assertThat(b.get(33)).isEqualTo((byte) 3); // B of the first pixel
    }

    @Test
    void textHasA34ByteHeaderAndGlyphRecordsPaddedTo4() {
        GlyphFont f = new GlyphFont(16);
        var glyphs = f.layout("Ab", 10, 20);
        byte[] rec = GuestOrders.text(new Rect(10, 20, 2 * f.cellWidth(), f.cellHeight()), new Rect(0, 0, 0, 0),
                0xFFFFFF, 0, glyphs).record();
        ByteBuffer b = le(rec);
        int glyphBytes = 0;
        for (var g : glyphs) {
            glyphBytes += 24 + ((((g.width() + 7) / 8) * g.height() + 3) & ~3);
        }
        assertThat(b.getInt(4)).isEqualTo(34 + glyphBytes); // cbOrder
        assertThat(b.get(4 + 22)).isEqualTo((byte) 2); // u8Glyphs
        assertThat(rec).hasSize(4 + 34 + glyphBytes);
        assertThat(b.getInt(4 + 34)).isEqualTo(24 + ((((glyphs.get(0).width() + 7) / 8) * glyphs.get(0).height() + 3) & ~3));
        assertThat(b.getShort(4 + 34 + 12)).isEqualTo((short) 10); // first glyph x
    }

    @Test
    void pointerFormsHaveTheirHeadersAndRowOrder() {
        int[] argb = new int[2 * 2];
        argb[0] = 0xFF112233; // top-left opaque
        byte[] c = PointerShapes.color(1, 1, 2, 2, argb);
        ByteBuffer b = le(c);
        assertThat(b.getShort(8)).isEqualTo((short) 2); // mask: 1 byte a row
        assertThat(b.getShort(10)).isEqualTo((short) 12);
        assertThat(c).hasSize(12 + 2 + 12);
        // bottom-up: the top row is stored second; its left pixel is opaque (mask bit 0), B,G,R
        assertThat(c[12 + 1] & 0x80).isZero();
        assertThat(c[12 + 0] & 0x80).isNotZero();
        assertThat(c[14 + 6]).isEqualTo((byte) 0x33);
        byte[] m = PointerShapes.mousePtr(1, 1, 2, 2, argb);
        assertThat(m).hasSize(14 + 16);
        assertThat(le(m).getInt(10)).isEqualTo(16);
        assertThat(le(m).getInt(14)).isEqualTo(0xFF112233); // top-down
    }
}
