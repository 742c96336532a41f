package org.svp.cli;

import java.util.concurrent.Callable;
import org.svp.bench.link.LinkBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench link}: a throttled link on loopback, input-to-screen latency and convergence (docs/benchmarks.md). */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = "Serve a constantly changing screen to one client through a throttling proxy on 127.0.0.1"
                + " (rate, round trip, bloated buffer); print input-to-screen p50/p99, throughput, frames/s delivered"
                + " and how long the picture takes to converge once the changes stop.")
final class LinkBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rate-mbit", defaultValue = "10", description = "Link rate in Mbit/s, each direction (default: ${DEFAULT-VALUE}).")
    double rateMbit;

    @Option(names = "--rtt-ms", defaultValue = "40", description = "Round trip in ms, half each way (default: ${DEFAULT-VALUE}).")
    int rttMs;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds of changes to measure, after a 3 s warm-up"
            + " (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--no-flow-control", description = "The client does not offer flow control: the behaviour"
            + " before it, for comparison.")
    boolean noFlowControl;

    @Override
    public Integer call() throws Exception {
        if (!(rateMbit >= 0.1 && rateMbit <= 10_000)) {
            throw new ParameterException(spec.commandLine(), "--rate-mbit must be 0.1..10000, got " + rateMbit);
        }
        if (rttMs < 0 || rttMs > 2000) {
            throw new ParameterException(spec.commandLine(), "--rtt-ms must be 0..2000, got " + rttMs);
        }
        if (seconds < 1 || seconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 1..3600, got " + seconds);
        }
        LinkBenchmark.Result r = new LinkBenchmark(rateMbit, rttMs, seconds, spec.commandLine().getOut())
                .flowControl(!noFlowControl).run();
        spec.commandLine().getOut().println(r.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
