package org.svp.source.vnc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

/** No VNC server at the address: start() keeps trying for its timeout, then fails with the reason in one line. */
class UnreachableUpstreamTest {
    @Test
    void aClosedPortFailsTheStartNamingWhy() throws Exception {
        int port = XvncServer.freePort();
        VncDisplaySource s = new VncDisplaySource(new VncTarget("127.0.0.1", port), null)
                .firstConnectTimeout(Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        try {
            assertThatThrownBy(() -> s.start(update -> { }))
                    .isInstanceOf(UpstreamException.class)
                    .hasMessageStartingWith("cannot connect to vnc:127.0.0.1:" + port + ": ")
                    .hasMessageContaining("refused")
                    .hasMessageEndingWith("(tried for 1 s)")
                    .hasMessageNotContaining("\n");
        } finally {
            s.close();
        }
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(1400L, 8000L);
    }
}
