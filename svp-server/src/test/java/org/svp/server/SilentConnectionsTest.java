package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.SvpClient;
import org.svp.server.TestSources.Demo;
import org.svp.server.limits.ServerLimits;

/**
 * 2,000 connections that never say anything: the hand-shake timeout closes every one, the process's
 * fd count returns to its baseline, and a normal client is served meanwhile (its picture equals the
 * server's). The caps are raised so that all 2,000 from 127.0.0.1 are admitted.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SilentConnectionsTest {
    private static final int SILENT = 2000;

    private static int fds() {
        String[] l = new File("/proc/self/fd").list();
        return l == null ? -1 : l.length;
    }

    @Test
    void silentConnectionsAreClosedAndTheFdCountReturns() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30),
                Duration.ofMillis(100)).withCaps(SILENT + 100, SILENT + 100);
        Demo demo = Demo.of(640, 480, 200, 25);
        try (LogCapture log = LogCapture.start();
             SvpServer server = TestServers.start(ServerConfig.of(TestServers.HOST, 0, false), limits, demo.demo());
             SvpClient good = TestServers.viewer(server)) {
            TestServers.await(() -> good.stats().displayMessages.sum() > 0, TestServers.WAIT, "the good client's picture");
            int clientConnections = server.openConnections();
            int baseline = fds();

            List<Socket> silent = new ArrayList<>();
            try {
                for (int i = 0; i < SILENT; i++) {
                    Socket s = new Socket();
                    silent.add(s);
                    s.connect(new InetSocketAddress(TestServers.HOST, server.port() + 1 + i % 4), 5_000);
                }
                assertThat(fds()).as("fds with %d silent connections open", SILENT).isGreaterThan(baseline + SILENT);
                long seen = good.stats().displayMessages.sum();
                TestServers.await(() -> server.openConnections() == clientConnections, Duration.ofSeconds(30),
                        "the server closed every silent connection");
                assertThat(good.stats().displayMessages.sum()).as("the good client was served meanwhile")
                        .isGreaterThan(seen);
                assertThat(server.stats().limitCloses.sum()).isEqualTo(SILENT);
                silent.get(0).setSoTimeout(5_000);
                assertThat(silent.get(0).getInputStream().read()).as("EOF on a silent socket").isEqualTo(-1);
            } finally {
                for (Socket s : silent) {
                    s.close();
                }
            }
            TestServers.await(() -> fds() <= baseline + 20, Duration.ofSeconds(10),
                    "fd count back within 20 of the baseline " + baseline);

            var finalFrame = demo.awaitFinished();
            TestServers.assertConverges(good, () -> finalFrame, "the good client at the end");
            assertThat(log.lines()).anyMatch(l -> l.contains("no hand-shake within 2 s"))
                    .anyMatch(l -> l.contains("suppressed") || l.contains("closing"));
            assertThat(log.lines().size()).as("log lines for %d timeouts", SILENT).isLessThan(200);
        }
    }
}
