package org.svp.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.svp.bench.VideoBenchmark;
import org.svp.codec.jpeg.Quality;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench video}: a 640×360 moving picture at 25 fps to one client (issue 13). */
@Command(name = "video", mixinStandardHelpOptions = true,
        description = "A 640x360 moving picture at 25 fps in a 1280x720 desktop, streamed to one headless client on"
                + " loopback: prints Mbit/s, frames/s delivered and PSNR (targets: <= 2 Mbit/s, >= 25 frames/s).")
final class VideoBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "Seconds before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--quality", paramLabel = "LEVEL", defaultValue = "auto",
            description = "The server's --quality: lossless, high, medium, low or auto (default: ${DEFAULT-VALUE}).")
    String quality;

    @Override
    public Integer call() throws Exception {
        if (seconds < 1 || warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--seconds must be at least 1 and --warmup at least 0");
        }
        Quality q = QualityOption.parse(spec.commandLine(), quality);
        VideoBenchmark.Result r = new VideoBenchmark(Duration.ofSeconds(seconds), Duration.ofSeconds(warmup), q,
                spec.commandLine().getOut()).run();
        spec.commandLine().getOut().println(r.report());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
