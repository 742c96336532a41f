package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.client.swing.view.FramebufferPanel;
import org.svp.client.swing.view.ScaleMode;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.KnownServers;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.server.transport.ServerCertificates;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/** The viewer against a server whose certificate is not the pinned one: one banner, no retry loop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ViewerChangedCertificateTest {

    @Test
    void aChangedCertificateIsShownInTheBannerAndNotRetried(@TempDir Path dir) throws Exception {
        String old = "sha256:" + "cd".repeat(32);
        try (SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, false),
                new DemoDisplaySource(new DemoOptions(640, 480, 1, 0)), ServerCertificates.fromStateDir(dir.resolve("state")))) {
            server.start();
            String key = "127.0.0.1:" + server.port();
            Path pins = Files.writeString(dir.resolve("known-servers"), key + " " + old + "\n");
            FramebufferPanel panel = new FramebufferPanel(ScaleMode.FIT);
            String want = "Not connected: the certificate of " + key + " changed (pinned " + old + ", now "
                    + server.tls().fingerprint() + "); if this is expected, remove its line from " + pins;
            try (ViewerSession s = new ViewerSession("127.0.0.1", server.port(),
                    ClientTransport.tls(new KnownServers(pins), line -> { }))) {
                s.start();
                s.show(panel);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < deadline && !want.equals(panel.banner())) {
                    Thread.sleep(10);
                }
                assertThat(panel.banner()).isEqualTo(want);
                Thread.sleep(1500); // a retry loop would have replaced it with "… retrying in N s" by now
                assertThat(panel.banner()).isEqualTo(want);
                assertThat(s.client()).isNull();
            }
            assertThat(Files.readString(pins)).isEqualTo(key + " " + old + "\n");
        }
    }
}
