package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.CursorShape;

class CursorImageTest {
    /** 4×1: AND 0 + red, AND 0 + black, AND 1 + black (transparent), AND 1 + white (invert). */
    private static CursorShape sample() {
        byte[] mask = {(byte) 0b0011_0000};
        byte[] bgr = {0, 0, (byte) 0xFF, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        return new CursorShape(0, 0, 4, 1, mask, bgr);
    }

    @Test
    void andMaskAndColourGiveArgb() {
        int[] argb = CursorImage.toArgb(sample());
        assertThat(argb[0]).isEqualTo(0xFFFF0000);
        assertThat(argb[1]).isEqualTo(0xFF000000);
        // transparent, but next to an inverting pixel: white outline
        assertThat(argb[2]).isEqualTo(0xFFFFFFFF);
        // inverting pixel approximated as opaque black
        assertThat(argb[3]).isEqualTo(0xFF000000);
        assertThat(CursorImage.invertMask(sample())).containsExactly(false, false, false, true);
    }

    @Test
    void theV1CursorVector() {
        // cursor-2-cursor: 8×8, mask rows 7f 3f 1f 0f 07 03 01 00, colour 0x8000FF on a staircase
        byte[] mask = {0x7f, 0x3f, 0x1f, 0x0f, 0x07, 0x03, 0x01, 0x00};
        byte[] bgr = new byte[192];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x <= y; x++) {
                int i = (y * 8 + x) * 3;
                bgr[i] = (byte) 0xFF;
                bgr[i + 2] = (byte) 0x80;
            }
        }
        int[] argb = CursorImage.toArgb(new CursorShape(3, 4, 8, 8, mask, bgr));
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                assertThat(argb[y * 8 + x]).as("(%d,%d)", x, y).isEqualTo(x <= y ? 0xFF8000FF : 0);
            }
        }
    }

    @Test
    void shortMasksAndColourReadAsZero() {
        // 12 wide, 2 rows, but only 1 mask byte per row (v1 w/8 rows): columns 8..11 have AND 0
        byte[] mask = {(byte) 0xFF, (byte) 0xFF};
        int[] argb = CursorImage.toArgb(new CursorShape(0, 0, 12, 2, mask, new byte[10]));
        assertThat(argb[0]).isZero();
        assertThat(argb[8]).isEqualTo(0xFF000000);
        assertThat(argb).hasSize(24);
        assertThat(CursorImage.toArgb(new CursorShape(0, 0, 3, 3, new byte[0], new byte[0])))
                .containsOnly(0xFF000000);
    }

    /** CursorChannelFuzz's first find: a 65535×65535 shape with 4 bytes of planes overflowed w × h. */
    @Test
    void aMadeUpSizeIsRefusedBeforeAllocating() {
        CursorShape huge = new CursorShape(0, 0, 65535, 65535, new byte[] {(byte) 0xFF}, new byte[3]);
        assertThatThrownBy(() -> CursorImage.toArgb(huge)).isInstanceOfSatisfying(PeerProtocolException.class,
                e -> assertThat(e.status()).isEqualTo(SvpStatus.BAD_FIELD));
        assertThatThrownBy(() -> CursorImage.invertMask(new CursorShape(0, 0, 1, 257, new byte[0], new byte[0])))
                .isInstanceOf(PeerProtocolException.class).hasMessageContaining("1x257");
        assertThat(CursorImage.toArgb(new CursorShape(0, 0, 256, 256, new byte[0], new byte[0]))).hasSize(65536);
    }
}
