package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code svp server --source vnc:…}: usage errors exit 2, an upstream that is no VNC server exits 1, each in one line. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VncSourceCliTest {
    private static CliRun svp(String... args) {
        return CliRun.svp(args);
    }

    @Test
    void aSpecWithoutPortIsAUsageError() {
        CliRun r = svp("server", "--source", "vnc:127.0.0.1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                "svp: --source vnc:127.0.0.1: expected vnc:HOST:PORT, e.g. vnc:127.0.0.1:5900 (see 'svp server --help')");
    }

    @Test
    void aMissingPasswordFileIsAUsageError(@TempDir Path dir) {
        CliRun r = svp("server", "--source", "vnc:127.0.0.1:5900", "--vnc-password-file", dir.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("svp: --vnc-password-file ").contains("no such file");
    }

    @Test
    void theUnknownSourceMessageListsVnc() {
        CliRun r = svp("server", "--source", "rdp:host");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'vnc:HOST:PORT'");
    }

    @Test
    void anUpstreamThatIsNoVncServerIsOneLineAndExit1() throws Exception {
        try (ServerSocket fake = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread greeter = Thread.ofVirtual().start(() -> {
                try (Socket s = fake.accept()) {
                    s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read();
                } catch (java.io.IOException ignored) {
                    // the client hung up: done
                }
            });
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            CliRun r = svp("server", "--source", "vnc:127.0.0.1:" + fake.getLocalPort(), "--no-tls", "--single-port",
                    "--port", Integer.toString(port), "--state-dir", Path.of("target", "vnc-cli-state").toString());
            greeter.join(5000);
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines()).containsExactly(
                    "svp: not a VNC server: it greeted with 'SSH-2.0-Open', not 'RFB 003.00x'");
        }
    }
}
