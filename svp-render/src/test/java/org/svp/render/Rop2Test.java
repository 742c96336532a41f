package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

class Rop2Test {
    /** The 16 GDI mixes as written in the Windows documentation, index mix - 1. */
    private static final IntBinaryOperator[] GDI = {
        (p, d) -> 0,            // R2_BLACK
        (p, d) -> ~(p | d),     // R2_NOTMERGEPEN
        (p, d) -> ~p & d,       // R2_MASKNOTPEN
        (p, d) -> ~p,           // R2_NOTCOPYPEN
        (p, d) -> p & ~d,       // R2_MASKPENNOT
        (p, d) -> ~d,           // R2_NOT
        (p, d) -> p ^ d,        // R2_XORPEN
        (p, d) -> ~(p & d),     // R2_NOTMASKPEN
        (p, d) -> p & d,        // R2_MASKPEN
        (p, d) -> ~(p ^ d),     // R2_NOTXORPEN
        (p, d) -> d,            // R2_NOP
        (p, d) -> ~p | d,       // R2_MERGENOTPEN
        (p, d) -> p,            // R2_COPYPEN
        (p, d) -> p | ~d,       // R2_MERGEPENNOT
        (p, d) -> p | d,        // R2_MERGEPEN
        (p, d) -> 0xFFFFFF,     // R2_WHITE
    };

    @Test
    void allSixteenMatchGdi() {
        Random random = new Random(7);
        for (int mix = 1; mix <= 16; mix++) {
            for (int k = 0; k < 500; k++) {
                int p = random.nextInt() & 0xFFFFFF;
                int d = random.nextInt() & 0xFFFFFF;
                assertThat(Rop2.apply(mix, p, d)).as("mix %d", mix)
                        .isEqualTo(GDI[mix - 1].applyAsInt(p, d) & 0xFFFFFF);
            }
        }
    }

    @Test
    void namedMixes() {
        assertThat(Rop2.apply(Rop2.R2_COPYPEN, 0x112233, 0x445566)).isEqualTo(0x112233);
        assertThat(Rop2.apply(Rop2.R2_NOT, 0x112233, 0x445566)).isEqualTo(0xBBAA99);
        assertThat(Rop2.apply(Rop2.R2_XORPEN, 0xFFFFFF, 0x445566)).isEqualTo(0xBBAA99);
        assertThat(Rop2.apply(Rop2.R2_NOP, 0x112233, 0x445566)).isEqualTo(0x445566);
        assertThat(Rop2.toRop3(Rop2.R2_COPYPEN)).isEqualTo(Rop3.PATCOPY);
        assertThat(Rop2.toRop3(Rop2.R2_XORPEN)).isEqualTo(Rop3.PATINVERT);
        assertThat(Rop2.toRop3(Rop2.R2_NOT)).isEqualTo(Rop3.DSTINVERT);
    }

    @Test
    void rejectsMixesOutOfRange() {
        assertThat(Rop2.isValid(0)).isFalse();
        assertThat(Rop2.isValid(17)).isFalse();
        assertThatThrownBy(() -> Rop2.apply(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
