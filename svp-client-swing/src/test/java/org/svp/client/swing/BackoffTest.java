package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToThirtySecondsAndResets() {
        Backoff b = new Backoff();
        long[] s = new long[8];
        for (int i = 0; i < s.length; i++) {
            s[i] = b.next().toSeconds();
        }
        assertThat(s).containsExactly(1, 2, 4, 8, 16, 30, 30, 30);
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }
}
