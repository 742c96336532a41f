package org.svp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code svp extpack}: build the VirtualBox extension pack; its path is the last line printed. */
@Command(name = "extpack", mixinStandardHelpOptions = true,
        description = "Build SVP-<version>.vbox-extpack (VRDE module, main module, svp.jar, a jlink'd Java runtime)"
                + " and print its path as the last line.")
final class ExtpackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write the pack (default: the current directory).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path pack = VrdePacks.build(out, System.err);
        spec.commandLine().getOut().println(pack.toAbsolutePath().normalize());
        return 0;
    }
}
