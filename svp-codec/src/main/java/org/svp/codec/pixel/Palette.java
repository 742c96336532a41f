package org.svp.codec.pixel;

import java.util.Arrays;

/**
 * An immutable 256-entry colour table that gives meaning to RGB8 pixels, plus the two colours of MONO
 * pixels.
 *
 * <p>SVP v1 has no palette message: a v1 sender and receiver can only agree on RGB8 through a fixed
 * table, and {@link #DEFAULT} (the xterm 256-colour palette) is that table in this implementation. MONO
 * bit 0 is {@link #mono0()} (black by default) and bit 1 is {@link #mono1()} (white by default).
 *
 * <p>Created once and shared freely between threads (decoders, encoders, renderers).
 */
public final class Palette {
    /** Number of entries in every palette. */
    public static final int SIZE = 256;

    /** The xterm 256-colour palette: 16 system colours, a 6×6×6 cube, 24 greys; MONO black/white. */
    public static final Palette DEFAULT = new Palette(xtermColours(), 0x000000, 0xFFFFFF);

    private final int[] colours;
    private final int mono0;
    private final int mono1;

    private Palette(int[] colours, int mono0, int mono1) {
        this.colours = colours;
        this.mono0 = mono0 & 0xFFFFFF;
        this.mono1 = mono1 & 0xFFFFFF;
    }

    /**
     * Builds a palette from 256 colours; MONO stays black/white. Called by whoever configures a decoder
     * for a non-default RGB8 table (an extension; v1 has none).
     *
     * @param colours
     *     exactly 256 colours {@code 0x00RRGGBB} (copied; a top byte is masked off)
     * @return the palette
     * @throws IllegalArgumentException
     *     when there are not 256 colours
     */
    public static Palette of(int[] colours) {
        if (colours.length != SIZE) {
            throw new IllegalArgumentException("a palette has 256 colours, got " + colours.length);
        }
        int[] copy = new int[SIZE];
        for (int i = 0; i < SIZE; i++) {
            copy[i] = colours[i] & 0xFFFFFF;
        }
        return new Palette(copy, 0x000000, 0xFFFFFF);
    }

    /**
     * Returns this palette with other MONO colours.
     *
     * @param zero
     *     colour of MONO bit 0
     * @param one
     *     colour of MONO bit 1
     * @return a new palette sharing this one's RGB8 table
     */
    public Palette withMono(int zero, int one) {
        return new Palette(colours, zero, one);
    }

    /**
     * The colour of an RGB8 index. Hot path of {@link PixelConverter#toRgb}.
     *
     * @param index
     *     0..255 (only the low 8 bits are used)
     * @return the colour, {@code 0x00RRGGBB}
     */
    public int rgb(int index) {
        return colours[index & 0xFF];
    }

    /** @return the colour of MONO bit 0, {@code 0x00RRGGBB} */
    public int mono0() {
        return mono0;
    }

    /** @return the colour of MONO bit 1, {@code 0x00RRGGBB} */
    public int mono1() {
        return mono1;
    }

    /**
     * The index whose colour is nearest (squared RGB distance; the lowest index wins ties). Used by
     * {@link PixelConverter#fromRgb} for RGB8; exact for colours that are in the palette.
     *
     * @param rgb
     *     a colour {@code 0x00RRGGBB}
     * @return 0..255
     */
    public int nearestIndex(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < SIZE && bestDistance != 0; i++) {
            int c = colours[i];
            int dr = ((c >> 16) & 0xFF) - r;
            int dg = ((c >> 8) & 0xFF) - g;
            int db = (c & 0xFF) - b;
            int distance = dr * dr + dg * dg + db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Palette p && mono0 == p.mono0 && mono1 == p.mono1 && Arrays.equals(colours, p.colours);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(colours) * 31 + mono0 * 7 + mono1;
    }

    private static int[] xtermColours() {
        int[] c = new int[SIZE];
        int[] system = {
            0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xC0C0C0,
            0x808080, 0xFF0000, 0x00FF00, 0xFFFF00, 0x0000FF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
        };
        System.arraycopy(system, 0, c, 0, system.length);
        int[] levels = {0, 95, 135, 175, 215, 255};
        int i = 16;
        for (int r = 0; r < 6; r++) {
            for (int g = 0; g < 6; g++) {
                for (int b = 0; b < 6; b++) {
                    c[i++] = levels[r] << 16 | levels[g] << 8 | levels[b];
                }
            }
        }
        for (int k = 0; k < 24; k++) {
            int v = 8 + 10 * k;
            c[i++] = v << 16 | v << 8 | v;
        }
        return c;
    }
}
