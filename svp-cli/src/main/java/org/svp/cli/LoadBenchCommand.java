package org.svp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.svp.bench.LoadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench load}: many headless clients against one demo server process (docs/benchmarks.md). */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Hold N headless clients on a demo server (its own process, loopback); print clients held,"
                + " updates/s, server CPU, RSS start/peak/end, p99 latency, and whether every final picture is the"
                + " server's.")
final class LoadBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--clients", defaultValue = "200", description = "Clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "How long to hold them once all are connected"
            + " (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the numbers as JSON to FILE.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > 2000) {
            throw new ParameterException(spec.commandLine(), "--clients must be 1..2000, got " + clients);
        }
        if (seconds < 1 || seconds > 3600) {
            throw new ParameterException(spec.commandLine(), "--seconds must be 1..3600, got " + seconds);
        }
        if (json != null) {
            OutputFiles.checkWritable(spec.commandLine(), json);
        }
        LoadBenchmark.Result r = new LoadBenchmark(clients, seconds, Main.class.getName(), spec.commandLine().getOut()).run();
        r.print(spec.commandLine().getOut());
        if (json != null) {
            org.svp.bench.JsonReport.write(json, r.json());
        }
        return 0;
    }
}
