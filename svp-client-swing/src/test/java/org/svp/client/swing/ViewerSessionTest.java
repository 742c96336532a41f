package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.ScaleMode;

class ViewerSessionTest {

    @Test
    void unknownHostFailsAtOnceWithTheResolversMessage() throws Exception {
        FramebufferPanel panel = new FramebufferPanel(ScaleMode.FIT);
        try (ViewerSession s = new ViewerSession("nosuch.invalid", 5678)) {
            long t0 = System.nanoTime();
            s.start();
            s.show(panel);
            long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && (panel.banner() == null || !panel.banner().contains("unknown host"))) {
                Thread.sleep(10);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(panel.banner()).startsWith("Cannot connect to nosuch.invalid:5678: unknown host nosuch.invalid")
                    .contains("retrying in");
            assertThat(ms).as("ms from connect start to the banner").isLessThan(2000);
        }
    }
}
