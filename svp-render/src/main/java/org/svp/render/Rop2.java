package org.svp.render;

/**
 * Windows binary raster operations ("mix", protocol.md §5) for LINE, POLYLINE and ELLIPSE: codes 1
 * (R2_BLACK) to 16 (R2_WHITE) over pen P and destination D. Bit {@code (P << 1) | D} of {@code mix - 1}
 * is the result bit, applied bitwise over the 24 colour bits; so R2_COPYPEN (13) is P, R2_NOT (6) is
 * ~D, R2_XORPEN (7) is P ^ D and R2_NOP (11) is D.
 *
 * <p>Each mix is the rop3 that ignores S (bit {@code P·4 + S·2 + D} of the rop3 = bit {@code P·2 + D} of
 * {@code mix - 1}), evaluated by {@link Rop3}. Stateless; any thread may call it.
 */
public final class Rop2 {
    /** 0. */
    public static final int R2_BLACK = 1;
    /** ~(P | D). */
    public static final int R2_NOTMERGEPEN = 2;
    /** ~P &amp; D. */
    public static final int R2_MASKNOTPEN = 3;
    /** ~P. */
    public static final int R2_NOTCOPYPEN = 4;
    /** P &amp; ~D. */
    public static final int R2_MASKPENNOT = 5;
    /** ~D. */
    public static final int R2_NOT = 6;
    /** P ^ D. */
    public static final int R2_XORPEN = 7;
    /** ~(P &amp; D). */
    public static final int R2_NOTMASKPEN = 8;
    /** P &amp; D. */
    public static final int R2_MASKPEN = 9;
    /** ~(P ^ D). */
    public static final int R2_NOTXORPEN = 10;
    /** D. */
    public static final int R2_NOP = 11;
    /** ~P | D. */
    public static final int R2_MERGENOTPEN = 12;
    /** P. */
    public static final int R2_COPYPEN = 13;
    /** P | ~D. */
    public static final int R2_MERGEPENNOT = 14;
    /** P | D. */
    public static final int R2_MERGEPEN = 15;
    /** White. */
    public static final int R2_WHITE = 16;

    /** rop3 equivalent of each mix, index mix - 1. */
    private static final Rop3.Op[] OPS = buildTable();

    private Rop2() {
    }

    /**
     * @param mix
     *     1..16
     * @return true for a valid mix code (the renderer rejects others as BAD_FIELD)
     */
    public static boolean isValid(int mix) {
        return mix >= R2_BLACK && mix <= R2_WHITE;
    }

    /**
     * Applies a mix to one pixel. Called per pixel by the line and ellipse painters.
     *
     * @param mix
     *     1..16
     * @param pen
     *     pen colour {@code 0x00RRGGBB}
     * @param dst
     *     destination colour
     * @return the result, top byte zero
     * @throws IllegalArgumentException
     *     for a mix outside 1..16
     */
    public static int apply(int mix, int pen, int dst) {
        return op(mix).apply(pen, 0, dst);
    }

    /**
     * @param mix
     *     1..16
     * @return the mix as a rop3 function (its S argument is ignored)
     * @throws IllegalArgumentException
     *     for a mix outside 1..16
     */
    static Rop3.Op op(int mix) {
        if (!isValid(mix)) {
            throw new IllegalArgumentException("ROP2 mix out of range: " + mix);
        }
        return OPS[mix - 1];
    }

    /**
     * @param mix
     *     1..16
     * @return the rop3 code with the same result for every S
     */
    public static int toRop3(int mix) {
        if (!isValid(mix)) {
            throw new IllegalArgumentException("ROP2 mix out of range: " + mix);
        }
        int table = mix - 1;
        int rop3 = 0;
        for (int i = 0; i < 8; i++) {
            int p = (i >> 2) & 1;
            int d = i & 1;
            rop3 |= ((table >> (p << 1 | d)) & 1) << i;
        }
        return rop3;
    }

    private static Rop3.Op[] buildTable() {
        Rop3.Op[] ops = new Rop3.Op[16];
        for (int mix = 1; mix <= 16; mix++) {
            ops[mix - 1] = Rop3.op(toRop3(mix));
        }
        return ops;
    }
}
