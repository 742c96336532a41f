package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code svp vm}'s usage errors, checked before anything is downloaded or started: one line, exit 2.
 * Booting and serving is VmServeTest's.
 */
@Timeout(30)
class VmCommandTest {
    private static String[] run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as("exit code; stderr: %s", err).isEqualTo(expectedCode);
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void helpListsTheVmOptionsButNotTheDemoOnes() {
        String out = run(0, "vm", "--help")[0];
        assertThat(out).contains("--disk=IMAGE", "--snapshot", "--memory=MB", "--qemu-arg=ARG", "--port=", "--no-tls")
                .doesNotContain("--source").doesNotContain("--vnc-password-file").doesNotContain("--geometry").doesNotContain("--demo-frames");
    }

    @Test
    void snapshotWithoutDiskIsAUsageError() {
        assertThat(run(2, "vm", "--snapshot")[1].lines().toList()).containsExactly(
                "svp: --snapshot needs --disk (the built-in guest writes nothing) (see 'svp vm --help')");
    }

    @Test
    void tooLittleMemoryIsAUsageError() {
        assertThat(run(2, "vm", "--memory", "8")[1]).startsWith("svp: --memory must be at least 64 (MB), got 8");
    }

    @Test
    void missingOrUnknownDiskIsAUsageError(@TempDir Path dir) throws Exception {
        assertThat(run(2, "vm", "--disk", dir.resolve("none.qcow2").toString())[1])
                .startsWith("svp: --disk " + dir.resolve("none.qcow2") + ": no such readable file");
        Path vdi = Files.writeString(dir.resolve("a.vdi"), "x");
        assertThat(run(2, "vm", "--disk", vdi.toString())[1])
                .startsWith("svp: --disk: cannot tell the format of " + vdi + " from its name");
    }

    @Test
    void demoOptionsAreRefused() {
        assertThat(run(2, "vm", "--source", "demo")[1]).startsWith("svp: Unknown options: '--source'");
    }
}
