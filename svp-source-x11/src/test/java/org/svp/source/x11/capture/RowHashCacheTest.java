package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

/**
 * The shown frame's row hashes are kept for several rectangles side by side on the same rows (a
 * terminal beside a slideshow beside a clock), and forgotten exactly where the frame changed.
 */
class RowHashCacheTest {
    private static final int W = 400;
    private static final int H = 50;

    @Test
    void rectanglesSideBySideKeepTheirHashesAndAChangeForgetsOnlyItsOwn() {
        int[] shown = new int[W * H];
        Random rnd = new Random(7);
        for (int i = 0; i < shown.length; i++) {
            shown[i] = rnd.nextInt();
        }
        RowHashCache cache = new RowHashCache(W, H);
        Rect left = new Rect(0, 10, 100, 30);
        Rect middle = new Rect(150, 5, 100, 40);
        Rect right = new Rect(300, 20, 90, 10);
        long[] l0 = cache.rows(shown, W, left, new long[left.height()]);
        long[] m0 = cache.rows(shown, W, middle, new long[middle.height()]);
        long[] r0 = cache.rows(shown, W, right, new long[right.height()]);
        assertThat(l0).isEqualTo(direct(shown, left));

        // the frame changes in all three, but only the middle's change is reported: the other two must
        // come from the cache (the old hashes), which a cache of one range per row would have lost
        shown[15 * W + 50] ^= 1;
        shown[25 * W + 200] ^= 1;
        shown[25 * W + 350] ^= 1;
        cache.invalidate(new Rect(200, 25, 1, 1));
        assertThat(cache.rows(shown, W, left, new long[left.height()])).isEqualTo(l0);
        assertThat(cache.rows(shown, W, right, new long[right.height()])).isEqualTo(r0);
        long[] m1 = cache.rows(shown, W, middle, new long[middle.height()]);
        assertThat(m1).isEqualTo(direct(shown, middle)).isNotEqualTo(m0);

        // put replaces a range's hashes; a rectangle of another shape over the same columns is hashed anew
        long[] given = new long[left.height()];
        java.util.Arrays.fill(given, 42);
        cache.put(left, given);
        assertThat(cache.rows(shown, W, left, new long[left.height()])).isEqualTo(given);
        Rect wider = new Rect(0, 20, 120, 20); // (rows clear of the unreported change at row 15)
        assertThat(cache.rows(shown, W, wider, new long[wider.height()])).isEqualTo(direct(shown, wider));
    }

    private static long[] direct(int[] shown, Rect r) {
        long[] out = new long[r.height()];
        for (int i = 0; i < r.height(); i++) {
            out[i] = SegmentHashes.rowHash(shown, (r.y() + i) * W, r.x(), r.width());
        }
        return out;
    }
}
