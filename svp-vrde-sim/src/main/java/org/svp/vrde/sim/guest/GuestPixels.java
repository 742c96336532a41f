package org.svp.vrde.sim.guest;

/**
 * How the simulated guest stores a {@code 0x00RRGGBB} colour in its framebuffer at each bpp
 * (docs/vrde.md, ring BITMAP record): 32 = B,G,R,X; 24 = B,G,R; 16 = RGB565 little-endian;
 * 8 = RGB 3-3-2. {@link #decode} widens back by bit replication, the picture a viewer should show.
 * Stateless.
 */
public final class GuestPixels {
    private GuestPixels() {
    }

    /**
     * @param bpp 32, 24, 16 or 8
     * @return bytes per pixel
     * @throws IllegalArgumentException for any other bpp
     */
    public static int bytesPerPixel(int bpp) {
        return switch (bpp) {
            case 32 -> 4;
            case 24 -> 3;
            case 16 -> 2;
            case 8 -> 1;
            default -> throw new IllegalArgumentException("bpp " + bpp + " is not 32, 24, 16 or 8");
        };
    }

    /**
     * @param rgb {@code 0x00RRGGBB}
     * @param bpp the framebuffer's depth
     * @return the stored value (low {@code bpp} bits)
     */
    public static int encode(int rgb, int bpp) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return switch (bpp) {
            case 32, 24 -> rgb & 0xFFFFFF;
            case 16 -> (r >> 3) << 11 | (g >> 2) << 5 | (b >> 3);
            case 8 -> (r >> 5) << 5 | (g >> 5) << 2 | (b >> 6);
            default -> throw new IllegalArgumentException("bpp " + bpp);
        };
    }

    /**
     * @param v a stored value
     * @param bpp the framebuffer's depth
     * @return {@code 0x00RRGGBB}, low bits filled by replication
     */
    public static int decode(int v, int bpp) {
        return switch (bpp) {
            case 32, 24 -> v & 0xFFFFFF;
            case 16 -> {
                int r = (v >> 11) & 0x1F;
                int g = (v >> 5) & 0x3F;
                int b = v & 0x1F;
                yield (r << 3 | r >> 2) << 16 | (g << 2 | g >> 4) << 8 | (b << 3 | b >> 2);
            }
            case 8 -> {
                int r = (v >> 5) & 7;
                int g = (v >> 2) & 7;
                int b = v & 3;
                yield (r << 5 | r << 2 | r >> 1) << 16 | (g << 5 | g << 2 | g >> 1) << 8 | b * 0x55;
            }
            default -> throw new IllegalArgumentException("bpp " + bpp);
        };
    }

    /**
     * The largest per-channel difference a correct viewer may show for a pixel stored at {@code bpp}
     * (whatever widening it uses: shift or replication).
     *
     * @param bpp the framebuffer's depth
     * @return 0 for 32/24, 7 for 16 (5-bit red/blue: shift vs replication), 63 for 8 (2-bit blue)
     */
    public static int tolerance(int bpp) {
        return switch (bpp) {
            case 16 -> 7;
            case 8 -> 63;
            default -> 0;
        };
    }
}
