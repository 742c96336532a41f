package org.svp.source.demo.desktop;

/**
 * Deterministic integer waves for the animations (a table built with {@link StrictMath}, so every JVM
 * and JIT state yields the same values).
 */
final class Waves {
    /** Samples per period. */
    static final int PERIOD = 1024;
    private static final int[] SINE = new int[PERIOD];

    static {
        for (int i = 0; i < PERIOD; i++) {
            SINE[i] = (int) StrictMath.round(127.5 + 127.5 * StrictMath.sin(2 * StrictMath.PI * i / PERIOD));
        }
    }

    private Waves() {
    }

    /**
     * @param phase any int (taken modulo {@link #PERIOD})
     * @return 0..255
     */
    static int sine(int phase) {
        return SINE[phase & (PERIOD - 1)];
    }

    /**
     * A triangle wave: 0, 1, ..., span, span-1, ..., 0, ...
     *
     * @param t time
     * @param span peak value, &gt;= 0
     * @return 0..span
     */
    static int triangle(int t, int span) {
        if (span <= 0) {
            return 0;
        }
        int m = Math.floorMod(t, 2 * span);
        return m <= span ? m : 2 * span - m;
    }
}
