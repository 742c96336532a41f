package org.svp.codec.sample;

/**
 * A synthetic moving picture, like a playing video: smooth colour waves drifting across the frame, a
 * textured ball crossing it, and a little grain, all changing every frame. Deterministic in (x, y,
 * frame). Used by the video benchmark's source and the H.264 tests. Stateless; table-driven (no
 * trigonometry per pixel), about 1–2 ms per 640×360 frame.
 */
public final class MovingPicture {
    private static final int TABLE = 1024;
    private static final int[] SINE = new int[TABLE];

    static {
        for (int i = 0; i < TABLE; i++) {
            SINE[i] = (int) Math.round(Math.sin(2 * Math.PI * i / TABLE) * 1024);
        }
    }

    private MovingPicture() {
    }

    /**
     * @param w columns
     * @param h rows
     * @param frame the frame number
     * @return a new {@code 0x00RRGGBB} frame
     */
    public static int[] frame(int w, int h, int frame) {
        int[] px = new int[w * h];
        draw(px, 0, w, w, h, frame);
        return px;
    }

    /**
     * Draws frame {@code frame} into {@code px}.
     *
     * @param px destination
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @param w columns
     * @param h rows
     * @param frame the frame number
     */
    public static void draw(int[] px, int at, int stride, int w, int h, int frame) {
        int bx = (int) ((frame * 7L) % (w + 120)) - 60;
        int by = h / 2 + sin(frame * 12) * (h / 3) / 1024;
        int radius = Math.max(8, Math.min(w, h) / 6);
        int seed = frame * 0x9E3779B9;
        for (int y = 0; y < h; y++) {
            int row = at + y * stride;
            int sy = sin(y * 5 + frame * 9);
            for (int x = 0; x < w; x++) {
                int r = 128 + (sin(x * 4 + frame * 11) + sy) * 60 / 1024;
                int g = 128 + sin(x * 3 - y * 2 + frame * 7) * 100 / 1024;
                int b = 128 + sin((x + y) * 2 - frame * 5) * 90 / 1024;
                int dx = x - bx;
                int dy = y - by;
                if (dx * dx + dy * dy < radius * radius) { // the ball, with stripes that move with it
                    int stripe = ((dx + dy + 4096) >> 2 & 1) == 0 ? 40 : -40;
                    r = 230 + stripe / 2;
                    g = 150 + stripe;
                    b = 40;
                }
                seed = seed * 1103515245 + 12345;
                int grain = (seed >>> 28) - 8; // ±8: sensor noise
                px[row + x] = clamp(r + grain) << 16 | clamp(g + grain) << 8 | clamp(b + grain);
            }
        }
    }

    private static int sin(int i) {
        return SINE[i & (TABLE - 1)];
    }

    private static int clamp(int c) {
        return c < 0 ? 0 : Math.min(c, 255);
    }
}
