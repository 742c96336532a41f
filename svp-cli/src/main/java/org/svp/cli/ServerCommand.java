package org.svp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code svp server}: serve a display source until stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve a desktop over SVP. Prints one line per listening channel, then 'ready'.")
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServeOptions options;

    @Override
    public Integer call() throws Exception {
        return Serving.run(spec.commandLine(), options, false);
    }
}
