package org.svp.server.encode;

import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Content keys of the screen cache (docs/protocol.md "Screen cache"): XXH64 of a tile's encoded bytes,
 * seeded with its width, height and codec. The codecs are deterministic and lossless, so equal bytes
 * mean equal pixels, and equal keys mean equal pixels up to a 64-bit hash collision; hashing the coded
 * bytes instead of the pixels reads a few KB instead of 16 KB per tile. Encoder workers (and the I/O
 * thread for resync bands); stateless.
 */
final class TileKeys {
    private static final XXHash64 HASH = XXHashFactory.fastestJavaInstance().hash64();

    private TileKeys() {
    }

    /**
     * @param data the tile's coded bytes
     * @param w its width
     * @param h its height
     * @param codec the codec id of {@code data}
     * @return its key, never 0 (a computed 0 becomes 1)
     */
    static long key(byte[] data, int w, int h, int codec) {
        long seed = (long) w << 40 ^ (long) h << 16 ^ codec;
        long k = HASH.hash(data, 0, data.length, seed);
        return k == 0 ? 1 : k;
    }
}
