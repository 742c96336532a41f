package org.svp.server.update;

import java.util.List;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;

/**
 * Content keys of the screen cache (docs/protocol.md "Screen cache"): XXH64 of a DIRTY_RECT's bitmap
 * bytes, seeded with its width, height, format and codec, so equal keys mean equal pixels up to a 64-bit
 * hash collision (the server also checks the size). Whole DIRTY_RECT regions, not tiles: the X source
 * already sends changed areas as runs of its 64×64 tiles. Only bitmaps of at least
 * {@link #MIN_PIXELS} get a key; smaller ones cost less than the bookkeeping. Worker threads.
 */
final class ContentKeys {
    /** Smallest bitmap worth a key: one 64×64 tile. */
    static final int MIN_PIXELS = 64 * 64;
    private static final XXHash64 HASH = XXHashFactory.fastestJavaInstance().hash64();

    private ContentKeys() {
    }

    /**
     * @param messages an update's messages
     * @return per message its key, 0 where none
     */
    static long[] of(List<DisplayMessage> messages) {
        long[] keys = new long[messages.size()];
        for (int i = 0; i < keys.length; i++) {
            if (messages.get(i) instanceof DirtyRect d) {
                keys[i] = key(d.bitmap());
            }
        }
        return keys;
    }

    /**
     * @param b a bitmap
     * @return its key, or 0 if it is too small (a computed 0 becomes 1)
     */
    static long key(Bitmap b) {
        if ((long) b.width() * b.height() < MIN_PIXELS) {
            return 0;
        }
        long seed = (long) b.width() << 40 ^ (long) b.height() << 16 ^ b.format().ordinal() << 8 ^ b.codec();
        long k = HASH.hash(b.data(), 0, b.data().length, seed);
        return k == 0 ? 1 : k;
    }
}
