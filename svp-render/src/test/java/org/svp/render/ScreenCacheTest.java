package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The screen cache's budget and LRU order, and that two copies fed the same operations agree. */
class ScreenCacheTest {

    private static ScreenCache.Entry entry(int w, int h, boolean pixels) {
        return new ScreenCache.Entry(w, h, pixels ? new int[w * h] : null);
    }

    @Test
    void evictsLeastRecentlyUsedToStayWithinBudget() {
        ScreenCache c = new ScreenCache(3 * 4 * 100); // three 10x10 entries
        c.put(1, entry(10, 10, true));
        c.put(2, entry(10, 10, true));
        c.put(3, entry(10, 10, true));
        assertThat(c.touch(1)).isNotNull(); // 1 is now the most recent
        c.put(4, entry(10, 10, true)); // evicts 2, the least recent
        assertThat(c.keysInLruOrder()).containsExactly(3, 1, 4);
        assertThat(c.used()).isEqualTo(1200).isLessThanOrEqualTo(c.budget());
        assertThat(c.evictions()).isEqualTo(1);
        c.put(5, entry(20, 10, true)); // two entries' worth: evicts 3 and 1
        assertThat(c.keysInLruOrder()).containsExactly(4, 5);
        assertThat(c.touch(2)).isNull();
    }

    @Test
    void anEntryLargerThanTheBudgetIsNotStored() {
        ScreenCache c = new ScreenCache(399);
        assertThat(c.fits(10, 10)).isFalse();
        c.put(1, entry(10, 10, true));
        assertThat(c.size()).isZero();
        assertThat(c.used()).isZero();
    }

    @Test
    void clientAndServerCopiesMakeTheSameDecisions() {
        ScreenCache client = new ScreenCache(50_000);
        ScreenCache server = new ScreenCache(50_000);
        Random rnd = new Random(12);
        for (int i = 0; i < 5_000; i++) {
            long key = rnd.nextInt(40);
            int w = 8 + (int) (key % 5) * 16;
            int h = 8 + (int) (key % 3) * 24;
            if (rnd.nextBoolean() && server.holds(key)) { // what DisplayClient does: draw if held, else save
                assertThat(client.touch(key)).isNotNull();
                server.touch(key);
            } else if (!server.holds(key)) {
                client.put(key, entry(w, h, true));
                server.put(key, entry(w, h, false));
            }
            assertThat(client.used()).isLessThanOrEqualTo(50_000);
            assertThat(server.keysInLruOrder()).containsExactly(client.keysInLruOrder());
        }
        assertThat(server.evictions()).isPositive().isEqualTo(client.evictions());
    }
}
