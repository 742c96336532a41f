package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line of the benchmark's server child. */
class SvpServerProcessTest {
    @Test
    void sameJavaSameFlagsClassPathAndMainClass() {
        List<String> c = SvpServerProcess.command("/jdk/bin/java",
                List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-Xms256m"), "/x/svp.jar",
                "org.svp.cli.Main", ":3", 40000);
        assertThat(c).containsExactly("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC",
                "-Xms256m", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.25", "-cp", "/x/svp.jar", "org.svp.cli.Main", "server", "--source", "x11::3", "--bind",
                "127.0.0.1", "--port", "40000", "--single-port", "--stats-on-stdin", "--no-tls");
    }

    @Test
    void addsNativeAccessWhichOnlyTheJarManifestGave() {
        List<String> c = SvpServerProcess.command("java", List.of("-Xmx1g"), "svp.jar", "M", ":0", 1);
        assertThat(c.subList(0, 7)).containsExactly("java", "-Xmx1g", "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.25", "-cp", "svp.jar");
    }

    @Test
    void keepsAJitModeTheFlagsName() {
        List<String> c = SvpServerProcess.command("java", List.of("-XX:-TieredCompilation"), "svp.jar", "M", ":0", 1);
        assertThat(c).doesNotContain(SvpServerProcess.SERVER_JIT, SvpServerProcess.SERVER_COMPILE_THRESHOLDS)
                .contains("-XX:-TieredCompilation");
    }
}
