package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13's default-mode targets: each met or not from its figures, "not measured" without the peer, and the JSON. */
class DefaultModeTargetsTest {
    // 6 MB against 26 MB lossless (0.23), 118 MB Tight q8 (0.05), 30 MB FreeRDP; 41 dB; identical; 3.0 s vs 3.6 s; 2.5 ms
    private static final DefaultModeTargets ALL_MET = new DefaultModeTargets(6e6, 26e6, 118e6, 30e6, 41.0, 0, 3.0, 3.6, 2.5);

    private static String print(List<DefaultModeTargets> rounds) {
        StringWriter s = new StringWriter();
        DefaultModeTargets.print(new PrintWriter(s, true), rounds);
        return s.toString();
    }

    @Test
    void everyTargetMetPrintsMetWithItsFigures() {
        List<String> lines = print(List.of(ALL_MET)).lines().toList();
        assertThat(lines).hasSize(7).allSatisfy(l -> assertThat(l).endsWith(" met"));
        assertThat(lines.getFirst()).contains("bytes ≤ 0.25× TigerVNC's best lossless", "6.00 / 26.00 MB = 0.23");
        assertThat(lines.get(3)).contains("41.0 dB");
        assertThat(lines.get(4)).contains("identical");
    }

    @Test
    void eachTargetFailsOnItsOwnFigure() {
        var t = new DefaultModeTargets(7e6, 26e6, 60e6, 5e6, 39.9, 855, 4.0, 3.6, 10.0).targets();
        assertThat(t).extracting(DefaultModeTargets.Target::met).containsOnly(false);
        assertThat(t.get(4).shown()).isEqualTo("855 pixels differ");
    }

    @Test
    void withoutAPeerItsTargetsAreNotMeasuredAndNull() {
        var fOnly = new DefaultModeTargets(6e6, Double.NaN, Double.NaN, 30e6, Double.POSITIVE_INFINITY, 0, Double.NaN,
                Double.NaN, 2.0);
        String out = print(List.of(fOnly));
        assertThat(out).contains("-   ").contains("not measured (needs --peer tigervnc)");
        assertThat(out.lines().filter(l -> l.endsWith("not measured (needs --peer tigervnc)")).count()).isEqualTo(3);
        assertThat(out).contains("∞ (identical)");
        var json = fOnly.json();
        assertThat(json).containsEntry("bytes_vs_tigervnc_lossless_met", null).containsEntry("bytes_vs_freerdp_met", true)
                .containsEntry("photo_psnr_db_met", true).containsEntry("final_differing_pixels", 0.0);
        assertThat((double) json.get("bytes_vs_freerdp")).isEqualTo(0.2);
    }

    @Test
    void overSeveralRunsItSaysInHowManyItWasMet() {
        var notMet = new DefaultModeTargets(8e6, 26e6, 118e6, 30e6, 41.0, 0, 3.0, 3.6, 2.5);
        String first = print(List.of(ALL_MET, notMet)).lines().findFirst().orElseThrow();
        assertThat(first).contains("0.23; ").contains("0.31").endsWith("met in 1 of 2 runs");
    }
}
