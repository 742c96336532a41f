package org.svp.codec.textz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GlyphTableTest {
    /** What the table must do, written the obvious way: an access-ordered LinkedHashMap. */
    private static final class Reference {
        private final LinkedHashMap<Long, Integer> slots = new LinkedHashMap<>(16, 0.75f, true);
        private int nextFree;

        int find(long key) {
            Integer s = slots.get(key);
            return s == null ? -1 : s;
        }

        int store(long key) {
            int slot;
            if (nextFree < TextzCodec.SLOTS) {
                slot = nextFree++;
            } else {
                Map.Entry<Long, Integer> eldest = slots.entrySet().iterator().next();
                slot = eldest.getValue();
                slots.remove(eldest.getKey());
            }
            slots.put(key, slot);
            return slot;
        }
    }

    @Test
    void givesTheSameSlotsAsAnLruMapThroughManyEvictions() {
        GlyphTable table = new GlyphTable();
        Reference ref = new Reference();
        SplittableRandom rnd = new SplittableRandom(7);
        int stores = 0;
        for (int op = 0; op < 400_000; op++) {
            // keys from a space 3x the slots, some sharing their home cell (the same low bits after the mix)
            long key = rnd.nextInt(3 * TextzCodec.SLOTS) * (rnd.nextInt(8) == 0 ? 1L << 40 : 0x9E3779B97F4A7C15L);
            int found = table.find(key);
            assertThat(found).as("find at op %d", op).isEqualTo(ref.find(key));
            if (found < 0) {
                assertThat(table.store(key)).as("store at op %d", op).isEqualTo(ref.store(key));
                stores++;
            }
        }
        assertThat(stores).isGreaterThan(3 * TextzCodec.SLOTS); // the slots were given up many times over
    }
}
