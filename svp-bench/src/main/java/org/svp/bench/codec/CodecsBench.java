package org.svp.bench.codec;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.svp.codec.BitmapCodec;
import org.svp.codec.EncodedData;
import org.svp.codec.sample.SampleTiles;

/**
 * {@code ./svp bench codecs}: compression ratio of every codec on the sample tiles (exact, from one
 * encoding) and encode/decode speed in MB/s of RGB32 pixels from {@link CodecBenchmark} under JMH
 * (one fork, short warm-up: a loaded 2-core machine makes the speeds indicative only).
 */
public final class CodecsBench {
    private final PrintWriter out;
    private final int seconds;

    /**
     * @param out where the table goes
     * @param seconds measurement seconds per JMH iteration (3 iterations after 2 warm-up ones)
     */
    public CodecsBench(PrintWriter out, int seconds) {
        this.out = out;
        this.seconds = seconds;
    }

    static SampleTiles.Tile tile(String name) {
        SampleTiles.Tile t = SampleTiles.synthetic().get(name);
        return t != null ? t : SampleTiles.recorded(name);
    }

    /**
     * Runs JMH and prints one line per codec × tile.
     *
     * @throws RunnerException when JMH fails
     */
    public void run() throws RunnerException {
        Options opts = new OptionsBuilder().include(CodecBenchmark.class.getName() + ".*")
                .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(3).measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow").verbosity(VerboseMode.SILENT).build();
        Collection<RunResult> results = new Runner(opts).run();
        out.printf(Locale.ROOT, "%-8s %-24s %10s %10s %8s %12s %12s%n", "codec", "tile", "raw B", "coded B", "ratio",
                "enc MB/s", "dec MB/s");
        for (String codec : List.of("LZ4", "PALETTE", "QOIZ", "MEDZ", "TEXTZ", "ZSTREAM", "JPEG", "H264")) {
            for (String tileName : List.of("xterm-desktop-1280x800", "xterm-text", "photo")) {
                SampleTiles.Tile t = tile(tileName);
                long raw = 4L * t.w() * t.h();
                BitmapCodec c = CodecBenchmark.byName(codec);
                EncodedData e = c.newEncoder().encode(t.rgb(), 0, t.w(), t.w(), t.h());
                String coded = e == null ? "declined" : String.valueOf(e.data().length);
                String ratio = e == null ? "-" : String.format(Locale.ROOT, "%.1f", (double) raw / e.data().length);
                out.printf(Locale.ROOT, "%-8s %-24s %10d %10s %8s %12s %12s%n", codec, tileName, raw, coded, ratio,
                        mbps(results, codec, tileName, "encode", raw), e == null ? "-" : mbps(results, codec, tileName, "decode", raw));
            }
        }
    }

    private static String mbps(Collection<RunResult> results, String codec, String tile, String op, long rawBytes) {
        for (RunResult r : results) {
            var p = r.getParams();
            if (p.getBenchmark().endsWith("." + op) && codec.equals(p.getParam("codec")) && tile.equals(p.getParam("tile"))) {
                double micros = r.getPrimaryResult().getScore();
                return String.format(Locale.ROOT, "%.0f", rawBytes / micros); // bytes per µs = MB/s
            }
        }
        return "?";
    }
}
