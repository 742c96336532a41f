package org.svp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.svp.bench.ReplayBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench replay}: the server's CPU on a recording, the same work every run (docs/benchmarks.md). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Serve a recording (svp bench x11 --record FILE, or svp server --record FILE) to one lossless"
                + " headless client, a fresh server process each run; print the server's CPU by thread, bytes,"
                + " latency, and whether the client's final picture is the server's.")
final class ReplayBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The recording.")
    Path recording;

    @Option(names = "--runs", defaultValue = "3", description = "Runs, each with a fresh server (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds of the replay before the measured window"
            + " (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) {
            throw new ParameterException(spec.commandLine(), "--runs must be 1..100, got " + runs);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0");
        }
        if (!Files.isRegularFile(recording)) {
            throw new ParameterException(spec.commandLine(), "no recording at " + recording
                    + " (make one with svp bench x11 --record FILE)");
        }
        new ReplayBenchmark(recording.toAbsolutePath(), runs, warmup, Main.class.getName(), spec.commandLine().getOut())
                .run();
        return 0;
    }
}
