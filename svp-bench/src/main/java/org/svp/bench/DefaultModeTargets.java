package org.svp.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 13's targets for SVP's default quality (the client asks for no quality, the server's
 * {@code --quality auto} applies) in one round of {@code svp bench x11}: what {@link X11Benchmark} prints
 * as met / not met lines and writes to {@code targets.default} in its JSON. A figure that is NaN (its peer
 * was not run) leaves its target "not measured". Pure, any thread.
 *
 * @param svpBytes SVP's bytes at the default quality (run A, or run F without TigerVNC)
 * @param tigervncLosslessBytes TigerVNC's best lossless mode's bytes (run D or E)
 * @param tigervncDefaultBytes TigerVNC's default Tight + JPEG q8 (run A)
 * @param freerdpBytes FreeRDP's shadow server → xfreerdp (run F)
 * @param photoPsnrDb the lowest PSNR of the photo (slideshow) area in SVP's pictures; +∞ if all identical
 * @param finalDifferingPixels pixels of SVP's final frame that differ from the X server's; −1 if not compared
 * @param svpCpu SVP total (server process + X-server side) in the default-quality run
 * @param tigervncCpu TigerVNC's encoding CPU in the same run (A − B)
 * @param p50Ms SVP's capture-to-wire p50 in the default-quality run
 */
record DefaultModeTargets(double svpBytes, double tigervncLosslessBytes, double tigervncDefaultBytes, double freerdpBytes,
        double photoPsnrDb, long finalDifferingPixels, double svpCpu, double tigervncCpu, double p50Ms) {

    /**
     * One target.
     *
     * @param key its JSON name ({@code key} = the figure, {@code key_met} = whether it is met)
     * @param label what the printed line says
     * @param value the figure (a ratio, dB, pixels, ms)
     * @param shown the figure with what it was computed from, for the printed line
     * @param met whether it is met; null if it was not measured
     */
    record Target(String key, String label, double value, String shown, Boolean met) {
    }

    /** @return the targets, in the order of issue 13's "Done means" */
    List<Target> targets() {
        return List.of(
                ratio("bytes_vs_tigervnc_lossless", "bytes ≤ 0.25× TigerVNC's best lossless", svpBytes / 1e6,
                        tigervncLosslessBytes / 1e6, 0.25, " MB"),
                ratio("bytes_vs_tigervnc_default", "bytes ≤ 0.1× TigerVNC's default (Tight q8)", svpBytes / 1e6,
                        tigervncDefaultBytes / 1e6, 0.1, " MB"),
                ratio("bytes_vs_freerdp", "bytes ≤ FreeRDP's (AVC420)", svpBytes / 1e6, freerdpBytes / 1e6, 1.0, " MB"),
                new Target("photo_psnr_db", "photo area PSNR ≥ 40 dB (lowest)", photoPsnrDb, db(photoPsnrDb),
                        Double.isNaN(photoPsnrDb) ? null : photoPsnrDb >= 40),
                new Target("final_differing_pixels", "final frame identical after the refresh",
                        finalDifferingPixels < 0 ? Double.NaN : finalDifferingPixels,
                        finalDifferingPixels < 0 ? "-" : finalDifferingPixels == 0 ? "identical"
                                : finalDifferingPixels + " pixels differ",
                        finalDifferingPixels < 0 ? null : finalDifferingPixels == 0),
                ratio("cpu_vs_tigervnc", "server CPU ≤ TigerVNC's encoding CPU (run A)", svpCpu, tigervncCpu, 1.0, " s"),
                new Target("p50_ms", "capture-to-wire p50 < 10 ms", p50Ms,
                        String.format(Locale.ROOT, "%.2f ms", p50Ms), Double.isNaN(p50Ms) ? null : p50Ms < 10));
    }

    private static Target ratio(String key, String label, double a, double b, double limit, String unit) {
        boolean measured = !Double.isNaN(a) && !Double.isNaN(b);
        String shown = measured ? String.format(Locale.ROOT, "%.2f / %.2f%s = %.2f", a, b, unit, a / b) : "-";
        return new Target(key, label, measured ? a / b : Double.NaN, shown, measured ? a <= limit * b : null);
    }

    private static String db(double v) {
        return Double.isNaN(v) ? "-" : Double.isInfinite(v) ? "∞ (identical)" : String.format(Locale.ROOT, "%.1f dB", v);
    }

    /** @return {@code targets.default} of the JSON: each figure and {@code _met} beside it (null = not measured) */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Target t : targets()) {
            m.put(t.key(), t.value());
            m.put(t.key() + "_met", t.met());
        }
        return m;
    }

    /**
     * Prints one line per target: the figure of each round and whether it is met (in every round), not
     * met, or not measured.
     *
     * @param out where to print
     * @param rounds one per round
     */
    static void print(PrintWriter out, List<DefaultModeTargets> rounds) {
        if (rounds.isEmpty()) {
            return;
        }
        int n = rounds.getFirst().targets().size();
        for (int i = 0; i < n; i++) {
            List<String> shown = new ArrayList<>();
            int met = 0;
            int measured = 0;
            String label = null;
            for (DefaultModeTargets r : rounds) {
                Target t = r.targets().get(i);
                label = t.label();
                shown.add(t.shown());
                if (t.met() != null) {
                    measured++;
                    met += t.met() ? 1 : 0;
                }
            }
            String verdict = measured == 0 ? "not measured" + needs(i)
                    : met == rounds.size() ? "met"
                    : met == 0 ? "not met" : "met in " + met + " of " + rounds.size() + " runs";
            out.println(String.format(Locale.ROOT, "  %-44s %-30s %s", label, String.join("; ", shown), verdict)
                    .stripTrailing());
        }
    }

    /** @return which peer the i-th target needs, for its "not measured" line */
    private static String needs(int i) {
        return switch (i) {
            case 0, 1, 5 -> " (needs --peer tigervnc)";
            case 2 -> " (needs --peer freerdp)";
            default -> "";
        };
    }
}
