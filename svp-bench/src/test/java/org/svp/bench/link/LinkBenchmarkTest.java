package org.svp.bench.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end through the throttling proxy (10 Mbit/s, 40 ms): with flow control the server keeps its
 * queue for the client small and the picture converges once the changes stop. Generous bounds: timing
 * targets (p99 < 250 ms, converged < 2 s) are the benchmark's job on a quiet machine, not a unit test's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinkBenchmarkTest {

    @Test
    void throughASlowLinkTheQueueStaysSmallAndThePictureConverges() throws Exception {
        StringWriter progress = new StringWriter();
        LinkBenchmark.Result r = new LinkBenchmark(10, 40, 3, new PrintWriter(progress)).run();
        assertThat(r.convergedMillis()).as("converged within %d s", LinkBenchmark.CONVERGE_TIMEOUT.toSeconds())
                .isNotNegative();
        assertThat(r.latenciesMillis()).as("markers that arrived").isNotEmpty();
        assertThat(r.percentile(50)).as("input to screen crosses the link twice").isGreaterThanOrEqualTo(40);
        assertThat(r.maxQueueBytes()).as("the per-client queue follows the window, not the 16 MiB bound")
                .isLessThan(2L << 20);
        assertThat(r.estimate().measured()).isTrue();
        assertThat(r.estimate().baseRttMillis()).as("the link's round trip, measured by PING/PONG").isBetween(35.0, 1000.0);
        assertThat(r.throughputMbit()).as("never more than the link").isLessThan(11);
        assertThat(r.report()).contains("input-to-screen p99", "converged after");
    }
}
