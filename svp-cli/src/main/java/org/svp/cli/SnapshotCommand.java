package org.svp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
import org.svp.render.SurfaceImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code svp snapshot}: connect as a client (v2, or v1 with a v1 server), wait for the first full picture, then for a still
 * screen up to a short bound, and write what is there as PNG. A screen that never settles (the demo
 * animates forever) is still written, with a note on stderr: a snapshot always gives the current
 * picture, never a black screen that has not arrived yet.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Connect as a client, wait for the first full picture, then until the screen has been still"
                + " for --still-ms (at most --settle-ms), and write it to a PNG.",
            "A screen that keeps changing (the demo animates) is written as it is after --settle-ms, with a note on"
                    + " stderr."})
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ClientAuthOptions auth = new ClientAuthOptions();

    @picocli.CommandLine.Mixin
    ClientTls tls = new ClientTls();

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "Server (default port 5678).")
    String target;

    @Parameters(index = "1", paramLabel = "OUT.png", description = "Where to write the picture.")
    Path out;

    @Option(names = "--timeout-s", defaultValue = "30",
            description = "Give up if the first full picture has not arrived after this many seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--still-ms", defaultValue = "500",
            description = "How long the screen should not change before it is written (default: ${DEFAULT-VALUE}).")
    int stillMs;

    @Option(names = "--settle-ms", defaultValue = "3000",
            description = "The longest wait for a still screen after the first full picture; then the picture is"
                    + " written as it is (default: ${DEFAULT-VALUE}).")
    int settleMs;

    @Option(names = "--quality", paramLabel = "LEVEL",
            description = "Ask the server for this lossy level: lossless (no JPEG/H.264), high, medium, low; default: the"
                    + " server's --quality.")
    String quality;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1 || stillMs < 0 || settleMs < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--timeout-s must be at least 1, --still-ms and --settle-ms at least 0");
        }
        OutputFiles.checkWritable(spec.commandLine(), out);
        Object[] hp = Targets.parse(spec.commandLine(), target);
        ClientOptions o = ClientOptions.viewer((String) hp[0], (Integer) hp[1])
                .withTransport(tls.transport(spec.commandLine().getErr()))
                .withQuality(quality == null ? null : QualityOption.parse(spec.commandLine(), quality));
        Surface s;
        try (SvpClient client = SvpClient.connect(o, auth.source(spec.commandLine()))) {
            client.screen().awaitFirstScreen(Duration.ofSeconds(timeoutSeconds));
            boolean still = client.screen().settle(Duration.ofMillis(stillMs), Duration.ofMillis(settleMs));
            s = client.screen().snapshot();
            if (!still) {
                spec.commandLine().getErr().printf("svp: note: the screen did not stay still for %d ms within %d ms;"
                        + " wrote the picture as it was then%n", stillMs, settleMs);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("snapshot of " + target + " failed: " + e.getMessage());
        }
        try {
            SurfaceImages.writePng(s, out);
        } catch (java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot write " + out + ": " + e.getCause().getMessage());
        }
        spec.commandLine().getOut().printf("wrote %s (%dx%d)%n", out, s.width(), s.height());
        return 0;
    }
}
