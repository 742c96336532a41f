package org.svp.source.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.SourceUpdate;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/** A demo thread that dies reports it once through the sink, as the X11 source does. */
class DemoFailureTest {

    private static UpstreamException awaitFailure(CollectingSink sink) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sink.failures().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sink.failures()).as("failures reported").hasSize(1);
        return sink.failures().getFirst();
    }

    @Test
    void anExceptionAtFrameFiveIsReportedOnceWithOneLine() throws Exception {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(640, 480, -1, 0));
        source.beforeEachFrame(n -> {
            if (n == 5) {
                throw new IllegalStateException("boom at frame 5");
            }
        });
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        try {
            UpstreamException e = awaitFailure(sink);
            assertThat(e.getMessage()).contains("the demo desktop stopped: ")
                    .contains("IllegalStateException: boom at frame 5").doesNotContain("\n");
            assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
            assertThat(source.framesPlayed()).isEqualTo(5);
            int updates = sink.size();
            Thread.sleep(50);
            assertThat(sink.failures()).as("reported once").hasSize(1);
            assertThat(sink.size()).as("nothing submitted after the failure").isEqualTo(updates);
            assertThat(sink.updates()).filteredOn(u -> u instanceof SourceUpdate.Draw).hasSize(5);
        } finally {
            source.close();
        }
    }

    @Test
    void anErrorIsReportedToo() throws Exception {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(640, 480, -1, 0));
        source.beforeEachFrame(n -> {
            if (n == 2) {
                throw new StackOverflowError("deep");
            }
        });
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        try {
            assertThat(awaitFailure(sink).getMessage()).contains("the demo desktop stopped: ")
                    .contains("StackOverflowError: deep");
        } finally {
            source.close();
        }
    }

    @Test
    void closingTheSourceIsNotAFailure() throws Exception {
        DemoDisplaySource source = new DemoDisplaySource(new DemoOptions(640, 480, -1, 30));
        CollectingSink sink = new CollectingSink();
        source.start(sink);
        Thread.sleep(100);
        source.close();
        Thread.sleep(200);
        assertThat(sink.failures()).isEmpty();
    }
}
