package org.svp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.svp.bench.FaultsBenchmark;
import org.svp.bench.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench faults}: clients and the source dying mid-stream (docs/benchmarks.md). */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Kill and reconnect clients mid-stream, drop connections mid-message, let the demo source die,"
                + " restart the server; print what held, RSS, p99, whether final pictures match, how the death was"
                + " reported.")
final class FaultsBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "20", description = "Clients of the kill/reconnect phase"
            + " (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--rounds", defaultValue = "3", description = "Kill/reconnect rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the numbers as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (clients < 3 || clients > 2000) {
            throw new ParameterException(spec.commandLine(), "--clients must be 3..2000, got " + clients);
        }
        if (rounds < 1 || rounds > 100) {
            throw new ParameterException(spec.commandLine(), "--rounds must be 1..100, got " + rounds);
        }
        if (json != null) {
            OutputFiles.checkWritable(spec.commandLine(), json);
        }
        FaultsBenchmark.Result r = new FaultsBenchmark(clients, rounds, Main.class.getName(), spec.commandLine().getOut()).run();
        r.print(spec.commandLine().getOut());
        if (json != null) {
            JsonReport.write(json, r.json());
        }
        return 0;
    }
}
