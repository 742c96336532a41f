package org.svp.vrde.sim.script;

import java.util.SplittableRandom;

/**
 * Pixel patterns a script names for bitmaps and pointers: {@code gradient}, {@code checker[:N]},
 * {@code noise[:SEED]} or a solid {@code RRGGBB}. Deterministic; stateless.
 */
final class Patterns {
    private Patterns() {
    }

    /**
     * @param spec the pattern word
     * @param w columns
     * @param h rows
     * @return {@code w*h} {@code 0x00RRGGBB} pixels
     * @throws IllegalArgumentException for an unknown pattern
     */
    static int[] pixels(String spec, int w, int h) {
        int[] px = new int[w * h];
        String[] p = spec.split(":", 2);
        switch (p[0]) {
            case "gradient" -> {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        px[y * w + x] = (x * 255 / Math.max(1, w - 1)) << 16 | (y * 255 / Math.max(1, h - 1)) << 8
                                | ((x + y) * 255 / Math.max(1, w + h - 2));
                    }
                }
            }
            case "checker" -> {
                int n = p.length > 1 ? Integer.parseInt(p[1]) : 8;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        px[y * w + x] = ((x / n + y / n) & 1) == 0 ? 0xF0F0F0 : 0x202080;
                    }
                }
            }
            case "noise" -> {
                SplittableRandom r = new SplittableRandom(p.length > 1 ? Long.parseLong(p[1]) : 1);
                for (int i = 0; i < px.length; i++) {
                    px[i] = r.nextInt() & 0xFFFFFF;
                }
            }
            default -> java.util.Arrays.fill(px, Colors.parse(spec));
        }
        return px;
    }
}
