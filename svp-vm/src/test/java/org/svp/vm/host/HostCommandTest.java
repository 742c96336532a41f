package org.svp.vm.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;

class HostCommandTest {
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @Test
    void missingProgramNamesItsPackage() {
        assertThatThrownBy(() -> HostCommand.require("svp-no-such-program", "svp-pkg"))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("svp-no-such-program is not installed; install the Debian/Ubuntu package svp-pkg"
                        + " (apt-get install svp-pkg)");
    }

    @Test
    void outputIsReturned() {
        assertThat(new HostCommand(List.of("sh", "-c", "echo hi"), TMP, Duration.ofSeconds(10)).run()).isEqualTo("hi\n");
    }

    @Test
    void failureCarriesTheAptErrorLine() {
        String script = "echo 'E: Unable to locate package x' >&2; echo 'W: a note' >&2; exit 100";
        assertThatThrownBy(() -> new HostCommand(List.of("sh", "-c", script), TMP, Duration.ofSeconds(10)).run())
                .isInstanceOf(UpstreamException.class)
                .hasMessageEndingWith("failed (exit status 100): E: Unable to locate package x");
    }

    @Test
    void overrunIsKilledAndReported() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new HostCommand(List.of("sleep", "30"), TMP, Duration.ofSeconds(1)).run())
                .isInstanceOf(UpstreamException.class).hasMessage("sleep 30 did not finish within 1 s");
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(10).toNanos());
    }
}
