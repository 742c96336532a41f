package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
    /** What one run printed and returned. */
    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run svp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void svpAlonePrintsTheUsageAndExits2() {
        Run r = svp();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Usage: svp").contains("snapshot", "demo", "server", "test");
    }

    @Test
    void helpListsTestAsRunByTheLauncher() {
        Run r = svp("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("(?m)^  test +Run all tests .*")
                .contains("handled by the ./svp launcher");
    }

    @Test
    void testThroughTheJarSaysToUseTheLauncher() {
        Run r = svp("test");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: 'test' is run by the launcher: use ./svp test in the source tree");
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        Matcher m = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        Run r = svp("-V");
        assertThat(r.code()).isZero();
        assertThat(r.out().strip()).isEqualTo("svp " + m.group(1));
    }

    @Test
    void helpShowsDefaults() {
        assertThat(svp("snapshot", "--help").out()).contains("(default: 500)", "(default: 3000)", "(default: 30)");
        assertThat(svp("server", "--help").out()).contains("(default: 5678)", "(default: 1280x800)",
                "(default: 127.0.0.1", "(default: demo)");
        assertThat(svp("type", "--help").out()).contains("(default: 5)");
        assertThat(svp("bench", "pipeline", "--help").out()).contains("(default: 600)", "(default: 1920x1080)",
                "(default: lz4)");
        assertThat(svp("view", "--help").out()).contains("(default: fit)").doesNotContain("password");
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        Run r = svp("server", "--port", "70000");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("svp: --port must be 1..65531 (the channels use the base port and"
                + " the four after it), got 70000 (see 'svp server --help')");
    }

    @Test
    void snapshotIntoAMissingDirectoryFailsAtOnceInOneLine() {
        long t0 = System.nanoTime();
        Run r = svp("snapshot", "127.0.0.1:1", "/nonexistent/dir/x.png");
        assertThat((System.nanoTime() - t0) / 1_000_000).as("no connect, no wait").isLessThan(2000);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "svp: cannot write /nonexistent/dir/x.png: no such directory /nonexistent/dir (see 'svp snapshot --help')");
    }

    @Test
    void snapshotOfAnUnreachableServerIsARuntimeFailureInOneLine(@org.junit.jupiter.api.io.TempDir Path dir) {
        Run r = svp("snapshot", "127.0.0.1:1", dir.resolve("x.png").toString(), "--timeout-s", "2");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("svp: cannot connect to 127.0.0.1:1 (main channel): connection refused");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void passwordFileIsNotAccepted() {
        Run r = svp("view", "--password-file", "/etc/hostname", "127.0.0.1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("svp: Unknown options: '--password-file'");
    }

    @Test
    void unknownCommandAndMissingArgumentsAreOneLine() {
        Run bogus = svp("bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.errLines()).containsExactly("svp: Unmatched argument at index 0: 'bogus' (see 'svp --help')");
        Run missing = svp("snapshot");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly(
                "svp: Missing required parameters: 'HOST[:PORT]', 'OUT.png' (see 'svp snapshot --help')");
        Run geometry = svp("server", "--geometry", "5x5");
        assertThat(geometry.code()).isEqualTo(2);
        assertThat(geometry.errLines()).hasSize(1);
    }

    @Test
    void aTakenPortIsNamedWithAHintAtPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = svp("server", "--single-port", "--port", Integer.toString(port));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.errLines()).containsExactly("svp: cannot listen on 127.0.0.1:" + port + ": port " + port
                    + " is already in use; is another server running? choose another base port with --port"
                    + " (this one needs port " + port + ")");
        }
    }
}
