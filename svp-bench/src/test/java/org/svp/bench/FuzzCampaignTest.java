package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** bench fuzz reads Jazzer's numbers from Maven's output; the lines below are a real run's. */
class FuzzCampaignTest {
    @Test
    void readsRunsCoverageFeaturesCrashesPerHarness() {
        Map<String, FuzzCampaign.Target> results = new LinkedHashMap<>();
        results.put("CursorChannel", new FuzzCampaign.Target("CursorChannel"));
        results.put("Lz4Block", new FuzzCampaign.Target("Lz4Block"));
        FuzzCampaign.Target current = null;
        for (String line : List.of(
                "[INFO] Running org.svp.CursorChannelFuzz",
                "#5\tINITED cov: 106 ft: 120 corp: 4/250b exec/s: 0 rss: 830Mb",
                "#22643\tDONE   cov: 248 ft: 649 corp: 130/140Kb lim: 3220 exec/s: 1078 rss: 1045Mb",
                "Done 22643 runs in 21 second(s)",
                "[INFO] Tests run: 9, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 83.37 s -- in org.svp.CursorChannelFuzz",
                "[INFO] Running org.svp.Lz4BlockFuzz",
                "#2\tINITED cov: 20 ft: 21 corp: 1/9b exec/s: 0 rss: 800Mb",
                "==12== ERROR: libFuzzer: deadly signal",
                "artifact_prefix='/x/'; Test unit written to src/test/resources/org/svp/Lz4BlockFuzzInputs/crash-ab12",
                "[ERROR] Tests run: 3, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: 9 s <<< FAILURE! -- in org.svp.Lz4BlockFuzz")) {
            current = FuzzCampaign.parse(line, current, results);
        }
        FuzzCampaign.Target cursor = results.get("CursorChannel");
        assertThat(cursor.runs).isEqualTo(22643);
        assertThat(cursor.covStart).isEqualTo(106);
        assertThat(cursor.cov).isEqualTo(248);
        assertThat(cursor.features).isEqualTo(649);
        assertThat(cursor.corpus).isEqualTo(130);
        assertThat(cursor.crashed()).isFalse();
        FuzzCampaign.Target lz4 = results.get("Lz4Block");
        assertThat(lz4.crashed()).isTrue();
        assertThat(lz4.reproducers).containsExactly("src/test/resources/org/svp/Lz4BlockFuzzInputs/crash-ab12");
        assertThat(lz4.findings).isEqualTo(1);
    }

    @Test
    void targetNamesAreMatchedWithOrWithoutFuzzAndAnyCase() {
        assertThat(FuzzCampaign.target("cursorchannel")).isEqualTo("CursorChannel");
        assertThat(FuzzCampaign.target("VrdeRingFuzz")).isEqualTo("VrdeRing");
        assertThatIllegalArgumentException().isThrownBy(() -> FuzzCampaign.target("Nope"))
                .withMessageContaining("unknown fuzz target 'Nope'").withMessageContaining("HandshakeV2");
    }

    @Test
    void jsonHasTheFieldsInOrderAndNullForNaN() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", 200);
        m.put("p99_ms", Double.NaN);
        m.put("rss_peak_mb", 401.25);
        m.put("finals_identical", true);
        m.put("line", "svp: \"x\"");
        assertThat(JsonReport.format(m)).isEqualTo(
                "{\"clients\": 200, \"p99_ms\": null, \"rss_peak_mb\": 401.3, \"finals_identical\": true, \"line\": \"svp: \\\"x\\\"\"}");
    }
}
