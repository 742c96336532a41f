package org.svp.server.encode;

/**
 * Content keys of the screen cache (docs/protocol.md "Screen cache"): a 64-bit hash of a tile's
 * pixels (the low 24 bits of each), seeded with its width and height. Equal keys mean equal pixels up
 * to a 64-bit hash collision. The key is taken from the pixels, not from the coded bytes, so that a
 * tile a client probably holds ({@link HeldTiles}) is known before anything is compressed. XXH64's
 * round (a multiply-add, a rotate, a multiply per lane: every input bit reaches every state bit) on
 * four lanes of two pixels each, merged and finished as XXH64 does; written out because XXH64 itself
 * hashes bytes and the pixels are ints. Encoder workers (and the I/O thread for resync bands); stateless.
 */
final class TileKeys {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private TileKeys() {
    }

    /**
     * @param rgb pixels {@code 0x??RRGGBB} (the top byte is ignored)
     * @param at index of the tile's top-left pixel
     * @param stride ints per row
     * @param w its width
     * @param h its height
     * @return its key, never 0 (a computed 0 becomes 1)
     */
    static long key(int[] rgb, int at, int stride, int w, int h) {
        long seed = (long) w << 32 | h;
        long v1 = seed + P1 + P2;
        long v2 = seed + P2;
        long v3 = seed;
        long v4 = seed - P1;
        long tail = seed + P5;
        for (int y = 0; y < h; y++) {
            int i = at + y * stride;
            int end = i + w;
            for (; i + 8 <= end; i += 8) {
                v1 = round(v1, pair(rgb[i], rgb[i + 1]));
                v2 = round(v2, pair(rgb[i + 2], rgb[i + 3]));
                v3 = round(v3, pair(rgb[i + 4], rgb[i + 5]));
                v4 = round(v4, pair(rgb[i + 6], rgb[i + 7]));
            }
            for (; i < end; i++) { // a strip whose width is not a multiple of 8
                tail = Long.rotateLeft(tail ^ (rgb[i] & 0xFFFFFFL) * P5, 11) * P1;
            }
        }
        long k = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
        k = merge(k, v1);
        k = merge(k, v2);
        k = merge(k, v3);
        k = merge(k, v4);
        k ^= tail * P3;
        k ^= k >>> 33;
        k *= P2;
        k ^= k >>> 29;
        k *= P3;
        k ^= k >>> 32;
        return k == 0 ? 1 : k;
    }

    private static long pair(int a, int b) {
        return (long) (a & 0xFFFFFF) << 32 | b & 0xFFFFFF;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long acc, long v) {
        return (acc ^ round(0, v)) * P1 + P4;
    }
}
