package org.svp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code svp demo}: serve the built-in demo desktop and say how to look at it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve the built-in demo desktop on 127.0.0.1:5678 and print how to view it.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServeOptions options;

    @Override
    public Integer call() throws Exception {
        return Serving.run(spec.commandLine(), options, true);
    }
}
