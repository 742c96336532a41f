package org.svp.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.svp.bench.FuzzCampaign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench fuzz}: the Jazzer harnesses for longer than CI runs them (docs/testing.md "Fuzzing"). */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = "Fuzz every decoder with Jazzer for N minutes in total (needs the source tree and Maven);"
                + " print runs, coverage, crashes; add new corpus entries to svp-fuzz's Inputs folders.")
final class FuzzBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "10", description = "Fuzzing time in total, split across the"
            + " targets (at least 10 s each) (default: ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--target", description = "Fuzz only this harness, e.g. CursorChannel (default: all of them).")
    String target;

    @Override
    public Integer call() throws Exception {
        if (!(minutes > 0) || minutes > 24 * 60) {
            throw new ParameterException(spec.commandLine(), "--minutes must be more than 0 and at most 1440");
        }
        List<String> targets;
        try {
            targets = target == null ? FuzzCampaign.TARGETS : List.of(FuzzCampaign.target(target));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<FuzzCampaign.Target> results = new FuzzCampaign(FuzzCampaign.sourceTree(), targets,
                Math.round(minutes * 60), spec.commandLine().getOut()).run();
        return results.stream().anyMatch(FuzzCampaign.Target::crashed) ? 1 : 0;
    }
}
