package org.svp.client.swing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentHostsTest {
    @Test
    void newestFirstWithoutDuplicatesAndBounded(@TempDir Path dir) {
        RecentHosts r = new RecentHosts(dir.resolve("svp/recent-hosts"));
        assertThat(r.load()).isEmpty();
        r.remember("a");
        r.remember("b:5900");
        r.remember("a");
        assertThat(r.load()).containsExactly("a", "b:5900");
        for (int i = 0; i < 20; i++) {
            r.remember("h" + i);
        }
        assertThat(r.load()).hasSize(RecentHosts.MAX).startsWith("h19");
    }
}
