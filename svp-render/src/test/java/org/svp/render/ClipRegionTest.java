package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class ClipRegionTest {
    private final ClipRegion region = ClipRegion.of(List.of(
            new Rect(0, 0, 4, 2), new Rect(2, 1, 4, 2), new Rect(10, 0, 2, 5), new Rect(7, 0, 0, 9)));

    @Test
    void containsTheUnion() {
        assertThat(region.contains(0, 0)).isTrue();
        assertThat(region.contains(5, 2)).isTrue();
        assertThat(region.contains(5, 0)).isFalse();
        assertThat(region.contains(7, 3)).isFalse();
        assertThat(region.contains(11, 4)).isTrue();
        assertThat(region.contains(12, 4)).isFalse();
    }

    @Test
    void boundsIgnoreEmptyRects() {
        assertThat(region.bounds()).isEqualTo(new Rect(0, 0, 12, 5));
        assertThat(ClipRegion.of(List.of()).bounds().isEmpty()).isTrue();
    }

    @Test
    void spansAreMergedSortedAndCut() {
        int[] out = new int[2 * region.maxSpans()];
        int n = region.spans(1, -5, 11, out);
        assertThat(Arrays.copyOf(out, 2 * n)).containsExactly(0, 6, 10, 11);
        n = region.spans(3, 0, 100, out);
        assertThat(Arrays.copyOf(out, 2 * n)).containsExactly(10, 12);
    }
}
