package org.svp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.svp.bench.X11Benchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp bench x11}: the shared desktop workload through the X11 source, optionally beside TigerVNC and FreeRDP. */
@Command(name = "x11", mixinStandardHelpOptions = true,
        description = "Run ../shared/bench/workload.sh on a 1280x800 X display served by the X11 source, with the SVP"
                + " server as its own process (svp server --source x11:DISPLAY, same java and JVM flags); print the server"
                + " process's CPU (all threads, JIT and GC included, split by thread), bytes, updates, capture-to-wire latency"
                + " and idle CPU. Each workload run lasts --warmup + --seconds; only the --seconds after the warm-up are"
                + " measured, for every party; the SVP process's CPU up to the end of the warm-up (start-up, JIT) is printed"
                + " on its own line. The window ends with the workload frozen (SIGSTOP) and SVP's picture compared with"
                + " xwd -root (identical, PSNR, SSIM). With --peer tigervnc each round runs the workload five times on a"
                + " fresh Xvnc (A: rfbcount Tight q8 and SVP; D: rfbcount ZRLE and SVP; E: rfbcount lossless Tight and SVP;"
                + " B: SVP only; C: alone): a mode's encoding CPU is its run minus B, SVP's total is its server process"
                + " plus its X-server-side cost (B minus C); the targets compare SVP with TigerVNC's best lossless mode in"
                + " that mode's run. SVP's client uses the server's default quality (auto) beside TigerVNC's default (A)"
                + " and FreeRDP, lossless in D, E and without a peer. With --peer freerdp one more run F: a fresh Xvnc"
                + " shadowed by freerdp-shadow-cli, xfreerdp /gfx:AVC420 on an Xvfb of its own through a byte-counting"
                + " proxy, and SVP (default quality) beside it.")
final class X11BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "60",
            description = "Measured window of each workload run, in seconds, as the shared TigerVNC baseline (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10",
            description = "Seconds of workload before the measured window (server start-up and JIT; not measured,"
                    + " printed separately) (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--peer", paramLabel = "PEER",
            description = "Also measure this peer on the same workload: tigervnc, freerdp; repeatable"
                    + " (--peer tigervnc --peer freerdp).")
    List<String> peer = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "1",
            description = "Repeat the measurement N times and print min-max per column (these machines are noisy);"
                    + " with --peer tigervnc each round is five workload runs, with --peer freerdp one more (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--workload", defaultValue = "../shared/bench/workload.sh",
            description = "Path of the workload script, called as SCRIPT DISPLAY SECONDS; --peer tigervnc takes rfbcount.py from"
                    + " the same folder, else from ../shared/bench (default: ${DEFAULT-VALUE}).")
    Path workload;

    @Option(names = "--rfbcount", paramLabel = "FILE",
            description = "rfbcount.py for --peer tigervnc (default: the one beside --workload, else"
                    + " ../shared/bench/rfbcount.py).")
    Path rfbcount;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write every result as JSON to FILE (layout in docs/benchmarks.md).")
    Path json;

    @Option(names = "--samples", defaultValue = "2",
            description = "Pictures compared with the X server's (xwd -root) inside each window, the workload frozen"
                    + " for about a second each; the final one at the window's end is always compared (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--cache-mb", defaultValue = "64",
            description = "Screen cache the SVP client offers, in MiB; 0 = none (default: ${DEFAULT-VALUE}).")
    long cacheMb;

    /** {@code --peer tigervnc}: Xvnc with rfbcount (runs A, D, E, B, C). */
    static final String TIGERVNC = "tigervnc";
    /** {@code --peer freerdp}: freerdp-shadow-cli and xfreerdp through a counting proxy (run F). */
    static final String FREERDP = "freerdp";

    /**
     * @return the peers asked for, each once, in the order given
     * @throws ParameterException naming the first one that is neither tigervnc nor freerdp
     */
    Set<String> peers() {
        Set<String> peers = new LinkedHashSet<>();
        for (String p : peer) {
            if (!p.equals(TIGERVNC) && !p.equals(FREERDP)) {
                throw new ParameterException(spec.commandLine(), "--peer must be tigervnc or freerdp, got '" + p + "'");
            }
            peers.add(p);
        }
        return peers;
    }

    @Option(names = "--quality", paramLabel = "LEVEL", defaultValue = "lossless",
            description = "What the measuring SVP client asks for: lossless, high, medium, low or auto (the server's"
                    + " default mode) (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--record", paramLabel = "FILE",
            description = "The first SVP server records what its X source sends to FILE (svp server --record), for svp"
                    + " bench replay: the same work again, as often as needed.")
    java.nio.file.Path record;

    @Override
    public Integer call() throws Exception {
        if (cacheMb < 0 || cacheMb > 4095) {
            throw new ParameterException(spec.commandLine(), "--cache-mb must be 0..4095");
        }
        if (samples < 0) {
            throw new ParameterException(spec.commandLine(), "--samples must be at least 0");
        }
        Set<String> peers = peers();
        org.svp.codec.jpeg.Quality q = QualityOption.parse(spec.commandLine(), quality);
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds must be at least 1");
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be at least 0");
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1");
        }
        new X11Benchmark(seconds, warmup, peers.contains(TIGERVNC), runs, workload.toAbsolutePath(), Main.class.getName(),
                spec.commandLine().getOut(), samples, json == null ? null : json.toAbsolutePath())
                .cacheBudget(cacheMb << 20).freerdp(peers.contains(FREERDP)).quality(q)
                .record(record == null ? null : record.toAbsolutePath())
                .rfbcount(rfbcount == null ? null : rfbcount.toAbsolutePath()).run();
        return 0;
    }
}
