package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code --quality} (issue 13) on server, demo and bench video: defaults shown, a bad level is a one-line usage error. */
class QualityOptionTest {
    private static CliRun svp(String... args) {
        return CliRun.svp(args);
    }

    @Test
    void helpShowsTheLevelsAndTheDefault() {
        for (String cmd : new String[] {"server", "demo"}) {
            assertThat(svp(cmd, "--help").out().replaceAll("\\s+", " ")).as(cmd)
                    .contains("--quality=LEVEL", "lossless (none), high, medium, low or auto (default: auto)");
        }
        assertThat(svp("bench", "video", "--help").out().replaceAll("\\s+", " "))
                .contains("(default: 10)", "(default: 2)", "(default: auto)", "Mbit/s");
    }

    @Test
    void anUnknownLevelIsAUsageErrorInOneLine() {
        CliRun r = svp("server", "--quality", "best");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("svp: --quality: quality must be lossless, high, medium,"
                + " low or auto, not 'best' (see 'svp server --help')");
        CliRun b = svp("bench", "video", "--quality", "best");
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).startsWith("svp: --quality: quality must be");
        CliRun x = svp("bench", "x11", "--quality", "best");
        assertThat(x.code()).isEqualTo(2);
        assertThat(x.err().lines().toList()).hasSize(1).first().asString().startsWith("svp: --quality: quality must be");
    }

    @Test
    void snapshotAsksForItsOwnLevelAndRejectsAnUnknownOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThat(svp("snapshot", "--help").out().replaceAll("\\s+", " ")).contains("--quality=LEVEL",
                "default: the server's --quality");
        CliRun r = svp("snapshot", "127.0.0.1:1", dir.resolve("x.png").toString(), "--quality", "best");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1).first().asString().startsWith("svp: --quality: quality must be");
    }
}
