package org.svp.render;

/**
 * Windows ternary raster operations (protocol.md §5): bit {@code i} of a rop3 code is the result for
 * pattern P = bit 2, source S = bit 1 and destination D = bit 0 of {@code i}, applied bit by bit over the
 * 24 colour bits. All 256 codes are exact.
 *
 * <p>At class initialisation every code gets an {@link Op}: a hand-written lambda for the common named
 * codes, and otherwise the code's algebraic normal form (an XOR of ANDs of P, S, D, derived from the
 * truth table), which needs no per-bit loop. Stateless; any thread may call it. Results always have a
 * zero top byte.
 */
public final class Rop3 {
    /** 0: all black. */
    public static final int BLACKNESS = 0x00;
    /** ~(S | D). */
    public static final int NOTSRCERASE = 0x11;
    /** ~S. */
    public static final int NOTSRCCOPY = 0x33;
    /** S &amp; ~D. */
    public static final int SRCERASE = 0x44;
    /** ~D. */
    public static final int DSTINVERT = 0x55;
    /** P ^ D. */
    public static final int PATINVERT = 0x5A;
    /** S ^ D. */
    public static final int SRCINVERT = 0x66;
    /** S &amp; D. */
    public static final int SRCAND = 0x88;
    /** D (no operation). */
    public static final int NOP = 0xAA;
    /** ~S | D. */
    public static final int MERGEPAINT = 0xBB;
    /** P &amp; S. */
    public static final int MERGECOPY = 0xC0;
    /** S. */
    public static final int SRCCOPY = 0xCC;
    /** S | D. */
    public static final int SRCPAINT = 0xEE;
    /** P. */
    public static final int PATCOPY = 0xF0;
    /** P | ~S | D. */
    public static final int PATPAINT = 0xFB;
    /** All white. */
    public static final int WHITENESS = 0xFF;

    /** The 24 colour bits; results are masked with it. */
    private static final int RGB = 0xFFFFFF;

    /** One rop3 as a function of P, S, D. */
    @FunctionalInterface
    public interface Op {
        /**
         * @param p
         *     pattern colour {@code 0x00RRGGBB}
         * @param s
         *     source colour
         * @param d
         *     destination colour
         * @return the result, top byte zero
         */
        int apply(int p, int s, int d);
    }

    private static final Op[] OPS = buildTable();

    private Rop3() {
    }

    /**
     * Applies a rop3 code to one pixel. Called per pixel by the renderer's painters (or use {@link #op}
     * to hoist the table lookup out of a loop).
     *
     * @param rop3
     *     0x00..0xFF
     * @param p
     *     pattern colour
     * @param s
     *     source colour
     * @param d
     *     destination colour
     * @return the result, {@code 0x00RRGGBB}
     * @throws IllegalArgumentException
     *     for a code outside 0..255
     */
    public static int apply(int rop3, int p, int s, int d) {
        return op(rop3).apply(p, s, d);
    }

    /**
     * @param rop3
     *     0x00..0xFF
     * @return the function for that code
     * @throws IllegalArgumentException
     *     for a code outside 0..255
     */
    public static Op op(int rop3) {
        if (rop3 < 0 || rop3 > 0xFF) {
            throw new IllegalArgumentException("rop3 out of range: " + rop3);
        }
        return OPS[rop3];
    }

    /**
     * @param rop3
     *     0x00..0xFF
     * @return true when the result depends on S (a blt must read its source)
     */
    public static boolean usesSource(int rop3) {
        return dependsOn(rop3, 2);
    }

    /**
     * @param rop3
     *     0x00..0xFF
     * @return true when the result depends on D (a fill cannot just overwrite)
     */
    public static boolean usesDestination(int rop3) {
        return dependsOn(rop3, 1);
    }

    /**
     * @param rop3
     *     0x00..0xFF
     * @return true when the result depends on P
     */
    public static boolean usesPattern(int rop3) {
        return dependsOn(rop3, 4);
    }

    private static boolean dependsOn(int rop3, int variableBit) {
        for (int i = 0; i < 8; i++) {
            if (((rop3 >> i) & 1) != ((rop3 >> (i ^ variableBit)) & 1)) {
                return true;
            }
        }
        return false;
    }

    private static Op[] buildTable() {
        Op[] ops = new Op[256];
        for (int code = 0; code < 256; code++) {
            ops[code] = anf(code);
        }
        ops[BLACKNESS] = (p, s, d) -> 0;
        ops[NOTSRCERASE] = (p, s, d) -> ~(s | d) & RGB;
        ops[NOTSRCCOPY] = (p, s, d) -> ~s & RGB;
        ops[SRCERASE] = (p, s, d) -> s & ~d & RGB;
        ops[DSTINVERT] = (p, s, d) -> ~d & RGB;
        ops[PATINVERT] = (p, s, d) -> (p ^ d) & RGB;
        ops[SRCINVERT] = (p, s, d) -> (s ^ d) & RGB;
        ops[SRCAND] = (p, s, d) -> s & d & RGB;
        ops[NOP] = (p, s, d) -> d & RGB;
        ops[MERGEPAINT] = (p, s, d) -> (~s | d) & RGB;
        ops[MERGECOPY] = (p, s, d) -> p & s & RGB;
        ops[SRCCOPY] = (p, s, d) -> s & RGB;
        ops[SRCPAINT] = (p, s, d) -> (s | d) & RGB;
        ops[PATCOPY] = (p, s, d) -> p & RGB;
        ops[PATPAINT] = (p, s, d) -> (p | ~s | d) & RGB;
        ops[WHITENESS] = (p, s, d) -> RGB;
        return ops;
    }

    /**
     * Builds a code's algebraic normal form: coefficient {@code a[m]} of the monomial whose variables are
     * the set bits of {@code m} (P = 4, S = 2, D = 1; m = 0 is the constant 1), by the Möbius transform
     * of the truth table. The function is then the XOR of the monomials with coefficient 1.
     */
    private static Op anf(int code) {
        int[] a = new int[8];
        for (int i = 0; i < 8; i++) {
            a[i] = (code >> i) & 1;
        }
        for (int bit = 1; bit < 8; bit <<= 1) {
            for (int i = 0; i < 8; i++) {
                if ((i & bit) != 0) {
                    a[i] ^= a[i ^ bit];
                }
            }
        }
        int monomials = 0;
        for (int m = 0; m < 8; m++) {
            monomials |= a[m] << m;
        }
        return new AnfOp(monomials);
    }

    /** A rop3 evaluated as an XOR of ANDs; bit m of {@code monomials} selects monomial m. */
    private record AnfOp(int monomials) implements Op {
        @Override
        public int apply(int p, int s, int d) {
            int m = monomials;
            int r = 0;
            if ((m & 0x01) != 0) {
                r = -1;
            }
            if ((m & 0x02) != 0) {
                r ^= d;
            }
            if ((m & 0x04) != 0) {
                r ^= s;
            }
            if ((m & 0x08) != 0) {
                r ^= s & d;
            }
            if ((m & 0x10) != 0) {
                r ^= p;
            }
            if ((m & 0x20) != 0) {
                r ^= p & d;
            }
            if ((m & 0x40) != 0) {
                r ^= p & s;
            }
            if ((m & 0x80) != 0) {
                r ^= p & s & d;
            }
            return r & RGB;
        }
    }
}
