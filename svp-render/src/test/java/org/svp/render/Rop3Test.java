package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Rop3Test {
    /** Evaluates the truth table one bit at a time, straight from protocol.md §5. */
    static int reference(int rop3, int p, int s, int d) {
        int r = 0;
        for (int bit = 0; bit < 24; bit++) {
            int i = ((p >> bit) & 1) << 2 | ((s >> bit) & 1) << 1 | ((d >> bit) & 1);
            r |= ((rop3 >> i) & 1) << bit;
        }
        return r;
    }

    @Test
    void everyCodeMatchesItsTruthTable() {
        Random random = new Random(42);
        for (int code = 0; code < 256; code++) {
            for (int k = 0; k < 200; k++) {
                int p = random.nextInt() & 0xFFFFFF;
                int s = random.nextInt() & 0xFFFFFF;
                int d = random.nextInt() & 0xFFFFFF;
                assertThat(Rop3.apply(code, p, s, d)).as("rop3 %02x", code).isEqualTo(reference(code, p, s, d));
            }
            // every P,S,D bit combination in one call
            assertThat(Rop3.apply(code, 0xF0F0F0, 0xCCCCCC, 0xAAAAAA)).isEqualTo(code * 0x010101);
        }
    }

    @Test
    void namedCodes() {
        int p = 0x123456;
        int s = 0x0F0F0F;
        int d = 0x3C5A99;
        assertThat(Rop3.apply(0xCC, p, s, d)).isEqualTo(s);
        assertThat(Rop3.apply(0xF0, p, s, d)).isEqualTo(p);
        assertThat(Rop3.apply(0x55, p, s, d)).isEqualTo(~d & 0xFFFFFF);
        assertThat(Rop3.apply(0x66, p, s, d)).isEqualTo(s ^ d);
        assertThat(Rop3.apply(0x88, p, s, d)).isEqualTo(s & d);
        assertThat(Rop3.apply(0xEE, p, s, d)).isEqualTo(s | d);
        assertThat(Rop3.apply(0x5A, p, s, d)).isEqualTo(p ^ d);
        assertThat(Rop3.apply(0x33, p, s, d)).isEqualTo(~s & 0xFFFFFF);
        assertThat(Rop3.apply(0xAA, p, s, d)).isEqualTo(d);
        assertThat(Rop3.apply(0x00, p, s, d)).isEqualTo(0);
        assertThat(Rop3.apply(0xFF, p, s, d)).isEqualTo(0xFFFFFF);
    }

    @Test
    void resultsKeepTheTopByteZero() {
        for (int code = 0; code < 256; code++) {
            assertThat(Rop3.apply(code, 0xFF000000, 0xFF000000, 0xFF000000) >>> 24).isZero();
            assertThat(Rop3.apply(code, -1, -1, -1) >>> 24).isZero();
        }
    }

    @Test
    void reportsWhichOperandsACodeUses() {
        assertThat(Rop3.usesSource(0xCC)).isTrue();
        assertThat(Rop3.usesSource(0xF0)).isFalse();
        assertThat(Rop3.usesDestination(0xF0)).isFalse();
        assertThat(Rop3.usesDestination(0x5A)).isTrue();
        assertThat(Rop3.usesPattern(0x5A)).isTrue();
        assertThat(Rop3.usesPattern(0x66)).isFalse();
    }

    @Test
    void rejectsCodesOutOfRange() {
        assertThatThrownBy(() -> Rop3.apply(256, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rop3.apply(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
