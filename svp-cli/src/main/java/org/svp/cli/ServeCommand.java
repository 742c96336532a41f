package org.svp.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code svp server} and {@code svp demo}: serve a display source until stopped. The two differ only
 * in their defaults and in {@code demo} printing how to look at the desktop; {@link Main} registers
 * this class under both names.
 */
@Command(mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServeOptions options;

    private final boolean explain;

    /** @param explain print how to view the desktop (the {@code demo} command) */
    ServeCommand(boolean explain) {
        this.explain = explain;
    }

    @Override
    public Integer call() throws Exception {
        return Serving.run(spec.commandLine(), options, explain);
    }
}
