package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The command line's promises, run in-process through {@link Main#run}: usage errors are one line and
 * exit 2, runtime failures one line and exit 1, help lists every command and shows defaults, the
 * version is the build's.
 */
@Timeout(30)
class MainTest {
    private static CliRun svp(String... args) {
        return CliRun.svp(args);
    }

    @Test
    void svpAlonePrintsTheUsageAndExits2() {
        CliRun r = svp();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: svp").contains("snapshot", "demo", "server", "test");
    }

    @Test
    void helpListsTestAsRunByTheLauncher() {
        CliRun r = svp("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  test +Run all tests .*")
                .contains("handled by the ./svp launcher");
    }

    @Test
    void testThroughTheJarSaysToUseTheLauncher() {
        CliRun r = svp("test");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: 'test' is run by the launcher: use ./svp test in the source tree");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        CliRun r = svp("-V");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("svp " + m.group(1));
    }

    @Test
    void helpShowsDefaults() {
        assertThat(svp("snapshot", "--help").out()).contains("(default: 500)", "(default: 3000)", "(default: 30)");
        assertThat(svp("server", "--help").out().replaceAll("\\s+", " ")).contains("(default: 5678)",
                "(default: 1280x800)", "(default: 127.0.0.1", "(default: demo)");
        assertThat(svp("type", "--help").out()).contains("(default: 5)");
        assertThat(svp("bench", "pipeline", "--help").out()).contains("(default: 600)", "(default: 1920x1080)",
                "(default: lz4)");
        assertThat(svp("view", "--help").out()).contains("(default: fit)", "--password-file");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        CliRun r = svp("server", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: --port must be 1..65531 (the channels use the base port and"
                + " the four after it), got 70000 (see 'svp server --help')");
    }

    @Test
    void snapshotIntoAMissingDirectoryFailsAtOnceInOneLine() {
        long t0 = System.nanoTime();
        CliRun r = svp("snapshot", "127.0.0.1:1", "/nonexistent/dir/x.png");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("no connect, no wait").isLessThan(2000);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "svp: cannot write /nonexistent/dir/x.png: no such directory /nonexistent/dir (see 'svp snapshot --help')");
    }

    @Test
    void snapshotOfAnUnreachableServerIsARuntimeFailureInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        CliRun r = svp("snapshot", "127.0.0.1:1", dir.resolve("x.png").toString(), "--timeout-s", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("svp: cannot connect to 127.0.0.1:1 (main channel): connection refused");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aMissingOrEmptyPasswordFileIsAUsageErrorInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CliRun missing = svp("view", "--password-file", dir.resolve("nope").toString(), "127.0.0.1");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("svp: --password-file " + dir.resolve("nope")
                + ": no such file (see 'svp view --help')");
        Path empty = Files.writeString(dir.resolve("empty"), "\nsecond line\n");
        CliRun r = svp("server", "--password-file", empty.toString(), "--port", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: --password-file " + empty
                + ": the first line (the password) is empty (see 'svp server --help')");
    }

    @Test
    void servingANonLoopbackAddressWithoutAPasswordRefusesToStart() {
        CliRun r = svp("server", "--bind", "0.0.0.0", "--single-port", "--port", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("svp: refusing to serve 0.0.0.0 (not loopback) without a password")
                .contains("--password-file", "--insecure-no-auth");
        CliRun demo = svp("demo", "--bind", "::", "--single-port", "--port", "5");
        assertThat(demo.code()).isEqualTo(2);
        assertThat(demo.err()).contains("--insecure-no-auth");
    }

    @Test
    void allowV1WithAPasswordIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "secret\n");
        CliRun r = svp("server", "--password-file", pw.toString(), "--allow-v1", "--port", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: --allow-v1 cannot be combined with a password: v1 clients"
                + " cannot authenticate and would bypass it (see 'svp server --help')");
    }

    @Test
    void ticketIsPrintedAndOnlyItsKeysAreStored(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CliRun r = svp("ticket", "--state-dir", dir.toString(), "--expires", "5m", "--view-only");
        assertThat(r.code()).as(r.err()).isZero();
        String ticket = r.out().strip();
        assertThat(ticket).matches("[A-Za-z0-9_-]{32}");
        List<Path> files;
        try (var s = Files.list(dir.resolve("tickets"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        String stored = Files.readString(files.getFirst());
        assertThat(stored).contains("role=view", "stored-key=", "server-key=").doesNotContain(ticket);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(files.getFirst())))
                .isEqualTo("rw-------");
        CliRun bad = svp("ticket", "--state-dir", dir.toString(), "--expires", "soon");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("svp: --expires must be a positive duration like 60s, 10m or 2h,"
                + " got 'soon' (see 'svp ticket --help')");
    }

    @Test
    void snapshotWithAWrongPasswordFailsInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var security = new org.svp.server.ServerSecurity(false, false, org.svp.server.auth.ServerCredentials.of(
                org.svp.server.auth.ScramParameters.random(), "right", null, null));
        var config = org.svp.server.ServerConfig.of("127.0.0.1", 0, true).withSecurity(security);
        var demo = new org.svp.source.demo.DemoDisplaySource(new org.svp.source.demo.DemoDisplaySource.DemoOptions(640, 480, 1, 30));
        try (var server = new org.svp.server.SvpServer(config, demo)) {
            server.start();
            Path wrong = Files.writeString(dir.resolve("pw"), "wrong\n");
            String target = "127.0.0.1:" + server.port();
            // a server without TLS (as --no-tls): the clients say --no-tls, or their loopback fallback adds a line
            CliRun r = svp("snapshot", target, dir.resolve("x.png").toString(), "--password-file", wrong.toString(),
                    "--no-tls");
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("svp: authentication failed: wrong password");
            CliRun none = svp("type", target, "x", "--no-tls");
            assertThat(none.code()).isEqualTo(1);
            assertThat(none.errLines()).containsExactly(
                    "svp: the server requires a password (give it with --password-file FILE)");
            Path right = Files.writeString(dir.resolve("ok"), "right\n");
            CliRun ok = svp("snapshot", target, dir.resolve("x.png").toString(), "--password-file", right.toString(),
                    "--no-tls");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(dir.resolve("x.png")).isNotEmptyFile();
        }
    }

    @Test
    void unknownCommandAndMissingArgumentsAreOneLine() {
        CliRun bogus = svp("bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.errLines()).containsExactly("svp: Unmatched argument at index 0: 'bogus' (see 'svp --help')");
        CliRun missing = svp("snapshot");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly(
                "svp: Missing required parameters: 'HOST[:PORT]', 'OUT.png' (see 'svp snapshot --help')");
        CliRun geometry = svp("server", "--geometry", "5x5");
        assertThat(geometry.code()).isEqualTo(2);
        assertThat(geometry.errLines()).hasSize(1);
    }

    @Test
    void aTakenPortIsNamedWithAHintAtPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun r = svp("server", "--single-port", "--port", Integer.toString(port));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("svp: cannot listen on 127.0.0.1:" + port + ": port " + port
                    + " is already in use; is another server running? choose another base port with --port"
                    + " (this one needs port " + port + ")");
        }
    }
}
