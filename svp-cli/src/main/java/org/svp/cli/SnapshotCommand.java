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

/** {@code svp snapshot}: connect as a v1 client, wait for a still screen, write it as PNG. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Connect as a v1 client, wait until the screen has been still, write it to a PNG.")
final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "Server (default port 5678).")
    String target;

    @Parameters(index = "1", paramLabel = "OUT.png", description = "Where to write the picture.")
    Path out;

    @Option(names = "--timeout-s", defaultValue = "30", description = "Give up after this many seconds.")
    int timeoutSeconds;

    @Option(names = "--still-ms", defaultValue = "500", description = "How long the screen must not change.")
    int stillMs;

    @Override
    public Integer call() throws Exception {
        Object[] hp = Targets.parse(spec.commandLine(), target);
        ClientOptions o = ClientOptions.viewer((String) hp[0], (Integer) hp[1]);
        try (SvpClient client = SvpClient.connect(o)) {
            client.screen().awaitStill(Duration.ofMillis(stillMs), Duration.ofSeconds(timeoutSeconds));
            Surface s = client.screen().snapshot();
            SurfaceImages.writePng(s, out);
            spec.commandLine().getOut().printf("wrote %s (%dx%d)%n", out, s.width(), s.height());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("snapshot of " + target + " failed: " + e.getMessage());
        }
        return 0;
    }
}
