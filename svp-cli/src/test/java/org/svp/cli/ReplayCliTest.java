package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.client.ClientOptions;
import org.svp.client.PasswordSource;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.replay.RecordingSource;
import org.svp.source.replay.ReplaySource;

/**
 * {@code --record} and {@code --source replay:}: the demo recorded while a client watches, replayed by a
 * second server to a second client, gives that client the first one's final picture, pixel for pixel;
 * bad recordings are one-line usage errors.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReplayCliTest {
    private static CliRun svp(String... args) {
        return CliRun.svp(args);
    }

    private static SvpClient connect(int port) throws Exception {
        return SvpClient.connect(ClientOptions.viewer("127.0.0.1", port), PasswordSource.NONE);
    }

    @Test
    void aReplayedDemoEndsInTheRecordedPicture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("demo.svprec");
        Surface recorded;
        CountDownLatch demoDone = new CountDownLatch(1);
        DemoDisplaySource demo = new DemoDisplaySource(new DemoDisplaySource.DemoOptions(640, 480, 45, 30));
        demo.onScriptFinished((w, h, rgb) -> demoDone.countDown());
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), new RecordingSource(demo, file))) {
            server.start();
            try (SvpClient a = connect(server.port())) {
                assertThat(demoDone.await(30, TimeUnit.SECONDS)).isTrue();
                a.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                recorded = a.screen().snapshot();
            }
        }
        assertThat(file).isNotEmptyFile();

        ReplaySource replay = new ReplaySource(file);
        CountDownLatch finished = new CountDownLatch(1);
        replay.onFinished(finished::countDown);
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), replay);) {
            server.start();
            try (SvpClient b = connect(server.port())) {
                assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
                b.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                Surface replayed = b.screen().snapshot();
                assertThat(replayed.width()).isEqualTo(640);
                assertThat(replayed.height()).isEqualTo(480);
                assertThat(replayed.pixels()).isEqualTo(recorded.pixels());
            }
        }
    }

    @Test
    void aMissingOrForeignRecordingIsAUsageErrorInOneLine(@TempDir Path dir) throws Exception {
        CliRun missing = svp("server", "--source", "replay:" + dir.resolve("nope.svprec"));
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().lines()).singleElement().asString()
                .startsWith("svp: --source replay:").contains("no recording at");
        Path png = Files.writeString(dir.resolve("x.svprec"), "not a recording");
        CliRun foreign = svp("server", "--source", "replay:" + png);
        assertThat(foreign.code()).isEqualTo(2);
        assertThat(foreign.err().lines()).singleElement().asString().contains("is not an SVP recording");
    }

    @Test
    void aRecordingThatCannotBeWrittenIsAUsageErrorInOneLine(@TempDir Path dir) {
        CliRun r = svp("server", "--source", "demo", "--record", dir.resolve("no/such/dir/x.svprec").toString(),
                "--port", "5990");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("svp: cannot write the recording ");
    }
}
