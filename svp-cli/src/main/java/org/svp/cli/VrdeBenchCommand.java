package org.svp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code svp bench vrde}: the VRDE module under a flood, loaded from the extension pack by the simulator. */
@Command(name = "vrde", mixinStandardHelpOptions = true,
        description = "Flood the VRDE module (from the extension pack, in the VirtualBox simulator) with 64x64"
                + " header-only updates; print time inside VRDEUpdate, ring throughput and capture-to-wire latency.")
final class VrdeBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to flood (default 10).")
    int seconds;

    @Option(names = "--ports", defaultValue = "15678-15778", paramLabel = "LIST", description = "TCP/Ports for the server.")
    String ports;

    @Option(names = "--pack", paramLabel = "FILE", description = "The .vbox-extpack to load (default: built from svp.jar).")
    Path pack;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || seconds > 3600) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seconds must be 1..3600");
        }
        Path p = pack != null ? pack : VrdePacks.current(System.err);
        Path module = VrdePacks.unpack(p, System.err);
        // UTF-8 whatever the locale: the report says "µs"
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out,
                java.nio.charset.StandardCharsets.UTF_8), true);
        new VrdeBenchmark(module, seconds, ports, out).run();
        return 0;
    }
}
