package org.svp.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.svp.protocol.message.KeyboardEvent;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;

/** A full input queue coalesces pointer motion and never loses a key event or a button change. */
class InputQueueTest {

    private static List<Message> drain(InputQueue q) {
        List<Message> out = new ArrayList<>();
        Message m;
        while ((m = q.poll()) != null) {
            out.add(m);
        }
        return out;
    }

    @Test
    void fullOfMotionThenKeysLosesNoKeyAndCoalescesMotion() {
        AtomicInteger wakes = new AtomicInteger();
        InputQueue q = new InputQueue(100, wakes::incrementAndGet);
        for (int i = 0; i < 1000; i++) {
            q.mouse(new MouseEvent(i, i, 0));
        }
        assertThat(q.size()).as("motion stays within the capacity").isEqualTo(100);
        assertThat(q.coalesced()).isEqualTo(900);
        for (int i = 0; i < 50; i++) { // keys past the capacity
            q.keyboard(new KeyboardEvent(true, 0x10 + i));
            q.keyboard(new KeyboardEvent(false, 0x10 + i));
            q.mouse(new MouseEvent(2000 + i, 5, 0)); // merged into the last motion, before the keys
        }
        q.mouse(new MouseEvent(7, 8, 1)); // a button change is never merged
        q.mouse(new MouseEvent(9, 9, 1)); // ... but motion with the button held merges into it
        q.mouse(new MouseEvent(10, 10, 0)); // the release
        assertThat(q.dropped()).isZero();

        List<Message> got = drain(q);
        List<KeyboardEvent> keys = got.stream().filter(KeyboardEvent.class::isInstance)
                .map(KeyboardEvent.class::cast).toList();
        assertThat(keys).hasSize(100);
        for (int i = 0; i < 50; i++) {
            assertThat(keys.get(2 * i)).isEqualTo(new KeyboardEvent(true, 0x10 + i));
            assertThat(keys.get(2 * i + 1)).isEqualTo(new KeyboardEvent(false, 0x10 + i));
        }
        List<MouseEvent> mice = got.stream().filter(MouseEvent.class::isInstance).map(MouseEvent.class::cast).toList();
        assertThat(mice.get(99)).as("the last motion before the keys carries the newest position")
                .isEqualTo(new MouseEvent(2049, 5, 0));
        assertThat(mice.subList(100, mice.size())).containsExactly(new MouseEvent(9, 9, 1), new MouseEvent(10, 10, 0));
        assertThat(got.getLast()).isEqualTo(new MouseEvent(10, 10, 0));
        assertThat(wakes.get()).as("one wake-up per queued event").isEqualTo(got.size());
        assertThat(q.queuedTotal()).isEqualTo(got.size());
    }

    @Test
    void belowCapacityNothingIsMerged() throws InterruptedException {
        InputQueue q = new InputQueue(10, () -> { });
        q.mouse(new MouseEvent(1, 1, 0));
        q.mouse(new MouseEvent(2, 2, 0));
        assertThat(q.poll(1, TimeUnit.SECONDS)).isEqualTo(new MouseEvent(1, 1, 0));
        assertThat(q.poll(1, TimeUnit.SECONDS)).isEqualTo(new MouseEvent(2, 2, 0));
        assertThat(q.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void keysPastTheHardCapAreDroppedAndCounted() {
        InputQueue q = new InputQueue(10, () -> { });
        for (int i = 0; i < 120; i++) {
            q.keyboard(new KeyboardEvent(i % 2 == 0, 0x1E));
        }
        assertThat(q.size()).isEqualTo(100);
        assertThat(q.dropped()).isEqualTo(20);
    }
}
