package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.error.UpstreamException;
import org.svp.server.LogCapture;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.x11.launch.XServerProcess;
import org.svp.source.x11.xlib.XIoErrors;

/**
 * Killing the X server stops the X11 source and reports it to the server (a listener), instead of
 * Xlib's default of exiting the process: this test's JVM must survive it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class X11ServerLossTest {
    @Test
    void killingTheXServerIsReportedAndTheJvmLives() throws Exception {
        XServerProcess x = XServerProcess.xvfb(640, 480);
        try {
            X11DisplaySource source = new X11DisplaySource(X11Options.of(x.displayName()));
            CompletableFuture<UpstreamException> failed = new CompletableFuture<>();
            try (LogCapture log = LogCapture.start();
                    SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
                server.onSourceFailure(failed::complete);
                server.start();
                try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                    client.screen().awaitStill(Duration.ofMillis(300), Duration.ofSeconds(20));
                    assertThat(XIoErrors.exitHandlerAvailable()).as("libX11 >= 1.7 (XSetIOErrorExitHandler)").isTrue();
                    ProcessHandle.of(x.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no goodbye
                    long t0 = System.nanoTime();
                    UpstreamException e = failed.get(5, TimeUnit.SECONDS);
                    System.out.printf("X server killed; failure reported after %.0f ms: %s%n",
                            (System.nanoTime() - t0) / 1e6, e.getMessage());
                    assertThat(e.getMessage()).contains("lost the X display " + x.displayName());
                    assertThat(log.await("failed: lost the X display", Duration.ofSeconds(5))).contains("ERROR",
                            "source 'x11:" + x.displayName() + "'");
                    assertThat(source.failure()).isInstanceOf(UpstreamException.class);
                    // still alive: the server answers, and a second display can be served
                    assertThat(server.snapshot().get(5, TimeUnit.SECONDS).width()).isEqualTo(640);
                }
            }
        } finally {
            x.close();
        }
        try (XServerProcess again = XServerProcess.xvfb(320, 240);
                X11DisplaySource s2 = new X11DisplaySource(X11Options.of(again.displayName()));
                SvpServer server2 = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), s2)) {
            server2.start();
            try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server2.port()))) {
                client.screen().awaitStill(Duration.ofMillis(300), Duration.ofSeconds(20));
                assertThat(client.screen().snapshot().width()).isEqualTo(320);
            }
        }
    }
}
