package org.svp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.svp.bench.PipelineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code svp bench}: benchmarks that print numbers (docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its numbers.",
        subcommands = {BenchCommand.Pipeline.class, BenchCommand.Viewer.class, X11BenchCommand.class,
            VrdeBenchCommand.class, FuzzBenchCommand.class, LoadBenchCommand.class, FaultsBenchCommand.class,
            ReplayBenchCommand.class,
            BenchCommand.Codecs.class, BenchCommand.Vnc.class, VideoBenchCommand.class, LinkBenchCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code svp bench pipeline}: full-screen dirty-rect stream, server to one headless client. */
    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = "Stream full-screen RGB32 dirty rects to one headless client over loopback (LZ4, RAW or the v2 codecs).")
    static final class Pipeline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--frames", defaultValue = "600", description = "Frames the client renders in the measured part, after a warm-up"
                + " (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--geometry", defaultValue = "1920x1080", description = "Screen size WxH (default: ${DEFAULT-VALUE}).")
        String geometry;

        @Option(names = "--codec", defaultValue = "lz4", description = "lz4, raw, or auto (the v2 codecs: PALETTE,"
                + " QOIZ, SOLID tiles) (default: ${DEFAULT-VALUE}).")
        String codec;

        @Option(names = "--tls", description = "Every channel through TLS (JSSE, a self-signed certificate made for the run).")
        boolean tls;

        @Override
        public Integer call() throws Exception {
            Geometry g = Geometry.parse(spec.commandLine(), geometry);
            int id = switch (codec.toLowerCase(java.util.Locale.ROOT)) {
                case "raw" -> 0;
                case "lz4" -> 1;
                case "auto" -> 255;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--codec must be lz4, raw or auto, not " + codec);
            };
            PipelineBenchmark.Result r = new PipelineBenchmark(g.width(), g.height(), frames, id,
                    spec.commandLine().getOut()).tls(tls).run();
            spec.commandLine().getOut().println(r.report());
            return 0;
        }
    }

    /** {@code svp bench viewer}: what the desktop viewer costs per frame of a full-screen stream. */
    @Command(name = "viewer", mixinStandardHelpOptions = true,
            description = "Stream full-screen frames to the real viewer canvas; print decode, render, paint ms and paint latency.")
    static final class Viewer implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--frames", defaultValue = "300", description = "Frames to measure (default: ${DEFAULT-VALUE}).")
        int frames;

        @Option(names = "--geometry", defaultValue = "1280x720", description = "Screen size WxH (default: ${DEFAULT-VALUE}).")
        String geometry;

        @Option(names = "--scale", defaultValue = "1:1", description = "1:1 or fit (default: ${DEFAULT-VALUE}).")
        String scale;

        @Override
        public Integer call() throws Exception {
            Geometry g = Geometry.parse(spec.commandLine(), geometry);
            org.svp.client.swing.view.ScaleMode mode;
            try {
                mode = org.svp.client.swing.view.ScaleMode.parse(scale);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            new org.svp.bench.ViewerBenchmark(g.width(), g.height(), frames, mode, spec.commandLine().getOut()).run();
            return 0;
        }
    }

    /** {@code svp bench codecs}: JMH micro-benchmark of each codec on recorded desktop tiles. */
    @Command(name = "codecs", mixinStandardHelpOptions = true,
            description = "Compression ratio and encode/decode MB/s of each codec on recorded desktop tiles (JMH).")
    static final class Codecs implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--seconds", defaultValue = "1", description = "Seconds per JMH iteration (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() throws Exception {
            if (seconds < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seconds must be at least 1");
            }
            new org.svp.bench.codec.CodecsBench(spec.commandLine().getOut(), seconds).run();
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** {@code svp bench vnc}: Xvnc through the VNC source to one client while a script changes the screen. */
    @Command(name = "vnc", mixinStandardHelpOptions = true,
            description = "Serve an Xvnc (xterm, scripted changes, ~20 s) through --source vnc: to one headless client;"
                    + " print upstream bytes, bytes to the client, and the latency SVP adds p50/p99.")
    static final class Vnc implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            out.println(new org.svp.bench.VncBenchmark(out).run().report());
            return 0;
        }
    }
}
