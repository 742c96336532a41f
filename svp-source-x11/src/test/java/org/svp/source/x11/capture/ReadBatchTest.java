package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class ReadBatchTest {
    @Test
    void nearbyRectsAreOneReadAndFarOnesStayApart() {
        Rect line1 = new Rect(10, 100, 500, 13);
        Rect line2 = new Rect(10, 113, 300, 13); // adds 200×13 unrequested pixels
        Rect clock = new Rect(1100, 700, 100, 100); // joining it would add ~600 K pixels
        List<ReadBatch> batches = ReadBatch.join(List.of(line1, clock, line2));
        assertThat(batches).containsExactlyInAnyOrder(
                new ReadBatch(new Rect(10, 100, 500, 26), List.of(line1, line2)),
                new ReadBatch(clock, List.of(clock)));
    }

    @Test
    void theExtraPixelsStayWithinTheLimit() {
        Rect a = new Rect(0, 0, 64, 64);
        Rect near = new Rect(64 * 9, 0, 64, 64); // 8 tiles apart: exactly the limit
        Rect far = new Rect(64 * 9, 64 * 20, 64, 64);
        assertThat(ReadBatch.join(List.of(a, near))).hasSize(1);
        assertThat(ReadBatch.join(List.of(a, far))).hasSize(2);
    }

    @Test
    void everyRectIsInExactlyOneBatchInsideItsBounds() {
        List<Rect> rects = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // more than MAX_JOINED: read one by one
            rects.add(new Rect(i * 70 % 1200, i * 37 % 700, 20 + i, 10 + i % 7));
        }
        for (List<Rect> in : List.of(rects.subList(0, 12), rects)) {
            List<Rect> seen = new ArrayList<>();
            for (ReadBatch b : ReadBatch.join(in)) {
                for (Rect p : b.parts()) {
                    assertThat(b.bounds().intersect(p)).isEqualTo(p);
                    seen.add(p);
                }
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(in);
        }
        assertThat(ReadBatch.join(rects)).hasSize(rects.size());
        assertThat(ReadBatch.join(rects.subList(0, 12)).size()).isLessThan(12);
    }
}
