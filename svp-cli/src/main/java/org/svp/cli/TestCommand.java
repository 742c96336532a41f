package org.svp.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code svp test}: listed so that {@code svp --help} shows it, but run by the {@code ./svp} launcher
 * (Maven and tests/cli-smoke.sh live outside the jar). Reached only when the jar is started directly.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run all tests (the Maven suite, then the command-line smoke test); handled by the ./svp launcher.")
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Whatever follows is Maven's business (the launcher passes it on); ignored here. */
    @Parameters(arity = "0..*", hidden = true)
    List<String> mavenArgs;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("svp: 'test' is run by the launcher: use ./svp test in the source tree");
        return 2;
    }
}
