package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.svp.server.TestServers.assertConverges;
import static org.svp.server.TestServers.assertSamePixels;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.KnownServers;
import org.svp.client.tls.ServerCertificateChangedException;
import org.svp.render.Surface;
import org.svp.server.TestSources.Demo;
import org.svp.server.transport.SelfSignedCertificates;
import org.svp.server.transport.SelfSignedCertificates.KeyAndCertificate;
import org.svp.server.transport.ServerCertificates;
import org.svp.server.transport.ServerTls;

/**
 * TLS and plain SVP on the same ports (protocol.md "Transport"): a TLS client sees the server's picture
 * while a plain v2 session on the same ports is refused, pins the certificate on first use, accepts it later and refuses
 * a changed one; a first byte that is neither TLS nor SVP closes the connection with one log line.
 * The certificates are made here with BouncyCastle (no keys in the repository).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTransportTest {
    @TempDir
    Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();

    private ClientTransport tls(Path pins) {
        return ClientTransport.tls(new KnownServers(pins), notices::add);
    }

    private static SvpServer start(Demo demo, ServerTls tls) throws Exception {
        SvpServer server = new SvpServer(ServerConfig.of(TestServers.HOST, 0, false), demo.demo(), tls);
        try {
            server.start();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    @Test
    void aTlsClientSeesWhatAPlainClientSeesOnTheSamePortsAndPinsOnFirstUse() throws Exception {
        ServerTls serverTls = ServerCertificates.fromStateDir(dir.resolve("state"));
        Demo demo = Demo.of(640, 480, 60, 0);
        Path pins = dir.resolve("config/svp/known-servers");
        try (SvpServer server = start(demo, serverTls)) {
            Surface finalFrame = demo.awaitFinished();
            String key = TestServers.HOST + ":" + server.port();
            try (SvpClient secure = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())
                    .withTransport(tls(pins)))) {
                assertThat(secure.isTls()).isTrue();
                Surface seen = assertConverges(secure, () -> finalFrame, "TLS client vs. the final frame");
                assertSamePixels(seen, TestServers.serverSnapshot(server), "TLS client vs. the server's mirror");
                // plain SVP reaches the hand-shake on the same ports, which refuses a v2 session in plain
                // text on a server with TLS (protocol.md "Transport"; v1 clients need --allow-v1)
                assertThatThrownBy(() -> TestServers.viewer(server).close())
                        .isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("the server closed the connection");
            }
            assertThat(Files.readAllLines(pins)).containsExactly(key + " " + serverTls.fingerprint());
            assertThat(notices).containsExactly("trusting the certificate of " + key + " on first use ("
                    + serverTls.fingerprint() + ")");
            // the pinned certificate is accepted again, silently, on every channel
            try (SvpClient again = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())
                    .withTransport(tls(pins)))) {
                assertConverges(again, () -> finalFrame, "second TLS client");
            }
            assertThat(notices).hasSize(1);
            assertThat(Files.readAllLines(pins)).hasSize(1);
            assertThat(server.stats().protocolDrops.sum()).as("only the plain v2 session").isEqualTo(1);
        }
    }

    @Test
    void aChangedCertificateIsRefusedNamingBothFingerprintsAndTheFile() throws Exception {
        Demo demo = Demo.of(640, 480, 1, 0);
        Path pins = dir.resolve("known-servers");
        String old = "sha256:" + "ab".repeat(32);
        try (SvpServer server = start(demo, ServerCertificates.fromStateDir(dir.resolve("state")))) {
            String key = TestServers.HOST + ":" + server.port();
            Files.writeString(pins, "# pinned earlier\n" + key + " " + old + "\n");
            assertThatThrownBy(() -> SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())
                    .withTransport(tls(pins))))
                    .isInstanceOf(ServerCertificateChangedException.class)
                    .hasMessage("the certificate of " + key + " changed (pinned " + old + ", now "
                            + server.tls().fingerprint() + "); if this is expected, remove its line from " + pins);
            assertThat(Files.readString(pins)).isEqualTo("# pinned earlier\n" + key + " " + old + "\n");
            assertThat(notices).isEmpty();
        }
    }

    @Test
    void theStateDirectoryCertificateIsMadeOnceAndReused() throws Exception {
        Path state = dir.resolve("state");
        ServerTls first = ServerCertificates.fromStateDir(state);
        ServerTls second = ServerCertificates.fromStateDir(state);
        assertThat(first.fingerprint()).startsWith("sha256:").hasSize(7 + 64).isEqualTo(second.fingerprint());
        assertThat(first.origin()).startsWith("self-signed, made now in ");
        assertThat(second.origin()).isEqualTo("self-signed, " + state.resolve("server-cert.pem"));
        assertThat(Files.getPosixFilePermissions(state.resolve("server-key.pem")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(state))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(state.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        // another directory, another certificate
        assertThat(ServerCertificates.fromStateDir(dir.resolve("other")).fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void givenCertificateFilesAreServedAndPinnedEvenForAnotherHostName() throws Exception {
        KeyAndCertificate kc = SelfSignedCertificates.create("test", List.of("other.example"));
        Path cert = Files.writeString(dir.resolve("cert.pem"), SelfSignedCertificates.pem(kc.certificate()));
        // OpenSSL's traditional "EC PRIVATE KEY" form (SEC 1 with the curve and the public key, as
        // `openssl ecparam -genkey` writes it), not PKCS#8
        var info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(kc.key().getEncoded());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((java.security.interfaces.ECPrivateKey) kc.key()).getS(),
                new org.bouncycastle.asn1.DERBitString(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(
                        kc.certificate().getPublicKey().getEncoded()).getPublicKeyData().getBytes()),
                info.getPrivateKeyAlgorithm().getParameters());
        java.io.StringWriter w = new java.io.StringWriter();
        try (var pw = new org.bouncycastle.util.io.pem.PemWriter(w)) {
            pw.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        assertThat(w.toString()).startsWith("-----BEGIN EC PRIVATE KEY-----");
        Path key = Files.writeString(dir.resolve("key.pem"), w.toString());
        ServerTls tls = ServerCertificates.fromFiles(cert, key);
        assertThat(tls.fingerprint()).isEqualTo(org.svp.netty.tls.CertificateFingerprint.of(kc.certificate()));
        assertThat(tls.origin()).isEqualTo(cert.toString());
        Demo demo = Demo.of(640, 480, 1, 0);
        Path pins = dir.resolve("pins");
        try (SvpServer server = start(demo, tls);
             SvpClient c = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port()).withTransport(tls(pins)))) {
            Surface f = demo.awaitFinished();
            assertConverges(c, () -> f, "client of a server with --tls-cert");
            assertThat(Files.readString(pins)).isEqualTo(TestServers.HOST + ":" + server.port() + " " + tls.fingerprint() + "\n");
        }
    }

    @Test
    void unusableCertificateFilesAreOneLineErrorsNamingTheFile() throws Exception {
        KeyAndCertificate a = SelfSignedCertificates.create("a", List.of("localhost"));
        KeyAndCertificate b = SelfSignedCertificates.create("b", List.of("localhost"));
        Path cert = Files.writeString(dir.resolve("a.pem"), SelfSignedCertificates.pem(a.certificate()));
        Path otherKey = Files.writeString(dir.resolve("b-key.pem"), SelfSignedCertificates.pem(b.key()));
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> ServerCertificates.fromFiles(cert, otherKey))
                .hasMessage("the TLS key " + otherKey + " does not belong to the certificate " + cert);
        assertThatThrownBy(() -> ServerCertificates.fromFiles(missing, otherKey))
                .hasMessage("cannot read the TLS certificate " + missing + ": no such file");
        assertThatThrownBy(() -> ServerCertificates.fromFiles(otherKey, otherKey))
                .hasMessage("the TLS certificate file " + otherKey + " holds no PEM certificate");
        assertThatThrownBy(() -> ServerCertificates.fromFiles(cert, cert))
                .hasMessage("the TLS key file " + cert + " holds no PEM private key");
    }

    @Test
    void aFirstByteThatIsNeitherTlsNorSvpClosesTheConnectionWithOneLogLine() throws Exception {
        Demo demo = Demo.of(640, 480, 1, 0);
        try (LogCapture log = LogCapture.start();
             SvpServer server = start(demo, ServerCertificates.fromStateDir(dir.resolve("state")))) {
            try (Socket s = new Socket(TestServers.HOST, server.port())) {
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                assertThat(in.read()).as("the server closes without answering").isEqualTo(-1);
            }
            String line = log.await("neither TLS", Duration.ofSeconds(10));
            assertThat(line).contains("first byte 0x47 is neither TLS (0x16) nor SVP (0x5a); closing");
            assertThat(server.stats().protocolDrops.sum()).isEqualTo(1);
            // and a client is still served on that port
            try (SvpClient c = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())
                    .withTransport(tls(dir.resolve("pins"))))) {
                Surface f = demo.awaitFinished();
                assertConverges(c, () -> f, "a plain client after the garbage");
            }
            assertThat(log.lines().stream().filter(l -> l.contains("WARN") || l.contains("ERROR")))
                    .as("one warning, nothing else").hasSize(1);
        }
    }

    @Test
    void aTlsClientOfALoopbackServerWithoutTlsFallsBackToPlainWithANotice() throws Exception {
        Demo demo = Demo.of(640, 480, 1, 0);
        try (SvpServer server = start(demo, ServerTls.off());
             SvpClient c = SvpClient.connect(ClientOptions.viewer(TestServers.HOST, server.port())
                     .withTransport(tls(dir.resolve("pins"))))) {
            assertThat(c.isTls()).isFalse();
            Surface f = demo.awaitFinished();
            assertConverges(c, () -> f, "client after the plain fallback");
            assertThat(notices).containsExactly(TestServers.HOST + ":" + server.port() + " did not answer the TLS"
                    + " hand-shake (a v1 server, or one run with --no-tls?); using plain SVP (it is on this machine)");
            assertThat(Files.exists(dir.resolve("pins"))).isFalse();
        }
    }
}
