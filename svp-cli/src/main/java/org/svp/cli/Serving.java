package org.svp.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.svp.bench.ServerCounters;
import org.svp.protocol.ChannelType;
import org.svp.protocol.error.UpstreamException;
import org.svp.protocol.message.ChannelEntry;
import org.svp.render.Surface;
import org.svp.render.SurfaceImages;
import org.svp.server.ServerConfig;
import org.svp.server.ServerStats;
import org.svp.server.SvpServer;
import org.svp.server.transport.ServerCertificates;
import org.svp.server.transport.ServerTls;
import org.svp.server.transport.TlsSetupException;
import org.svp.source.DisplaySource;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;
import org.svp.source.replay.RecordingSource;
import org.svp.source.replay.ReplaySource;
import org.svp.source.vrde.VrdeDisplaySource;
import org.svp.source.x11.X11DisplaySource;
import org.svp.source.x11.X11Stats;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Starts a server from {@link ServeOptions}, prints one line per listening channel and "ready", then
 * serves until the process is stopped (Ctrl+C) or the source fails for good (e.g. its X server went
 * away: "svp: lost the X display :1: …", exit code 1). Shared by {@code svp server} and {@code svp demo}.
 */
final class Serving {
    private Serving() {
    }

    static int run(CommandLine cmd, ServeOptions o, boolean explain) throws Exception {
        PrintWriter out = cmd.getOut();
        if (o.maxConnections < 1 || o.maxConnectionsPerAddress < 1) {
            throw new ParameterException(cmd, "--max-connections and --max-connections-per-address must be at least 1");
        }
        // only the built-in demo (nothing secret) lets v1 clients in without --allow-v1; `svp vm` serves a real VM
        ServeSecurity.Result security = ServeSecurity.build(cmd, o, explain && "demo".equals(o.source));
        ServerConfig config = config(cmd, o).withSecurity(security.security());
        org.svp.codec.jpeg.Quality quality = QualityOption.parse(cmd, o.quality);
        ServerTls tls = tls(cmd, o);
        DisplaySource source = source(cmd, o, out);
        SvpServer server = new SvpServer(config, org.svp.server.limits.ServerLimits.DEFAULTS
                .withCaps(o.maxConnectionsPerAddress, o.maxConnections), source, tls).quality(quality);
        AtomicReference<UpstreamException> sourceFailure = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        server.onSourceFailure(e -> { // e.g. the X server went away: stop serving, exit 1
            sourceFailure.set(e);
            stopped.countDown();
        });
        server.onSourceFinished(stopped::countDown); // e.g. VirtualBox disabled its VRDE server: exit 0
        // svp bench replay waits for this line; registered before the start, which starts the replay's thread
        if (source instanceof ReplaySource replay) {
            replay.onFinished(() -> {
                out.println("replay finished");
                out.flush();
            });
        }
        try {
            server.start();
        } catch (java.net.BindException e) {
            server.close();
            if (o.ports != null) {
                throw new IllegalStateException(e.getMessage(), e); // already names the list
            }
            throw new IllegalStateException(e.getMessage() + "; is another server running? choose another base port"
                    + " with --port (this one needs " + (o.singlePort ? "port " + o.port
                    : "ports " + o.port + ".." + (o.port + 4)) + ")", e);
        } catch (RuntimeException e) {
            server.close(); // the source did not start (e.g. no X display): release ports and threads
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "svp-shutdown"));
        if (o.statsOnStdin) {
            StatsOnStdin.start(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)), out,
                    () -> counters(server, source), served(source) instanceof DemoDisplaySource d ? d::finishNow : () -> { });
        }
        for (ChannelEntry e : server.channelList().channels()) {
            String name = ChannelType.fromWireId(e.channelType()).map(Enum::name).orElse("?").toLowerCase(java.util.Locale.ROOT);
            out.printf("listening %s %s:%d%n", name, o.bind, e.port());
        }
        security.notes().forEach(out::println);
        if (explain) {
            howToView(out, o, source, server.port());
        }
        out.println("ready");
        out.flush();
        stopped.await();
        UpstreamException failure = sourceFailure.get();
        if (failure != null) {
            server.close();
            cmd.getErr().println("svp: " + failure.getMessage());
            cmd.getErr().flush();
            return 1;
        }
        return 0;
    }

    /** The server's settings; a bad --port is a usage error. */
    private static ServerConfig config(CommandLine cmd, ServeOptions o) {
        if (o.port < 1 || o.port > 65535 - 4) {
            throw new ParameterException(cmd, "--port must be 1.." + (65535 - 4)
                    + " (the channels use the base port and the four after it), got " + o.port);
        }
        if (o.encoderThreads < 0) {
            throw new ParameterException(cmd, "--encoder-threads must be 0 (one per core) or more, got "
                    + o.encoderThreads);
        }
        int threads = o.encoderThreads > 0 ? o.encoderThreads : Math.max(1, Runtime.getRuntime().availableProcessors());
        ServerConfig base = ServerConfig.of(o.bind, o.port, o.singlePort);
        return new ServerConfig(base.bindAddress(), base.basePort(), base.singlePort(), threads,
                base.sourceQueueCapacity(), base.clientQueueBytes(), base.maxInputBody(), PortList.parse(cmd, o.ports));
    }

    /**
     * TLS for every port: {@code --tls-cert/--tls-key}, else the state directory's self-signed
     * certificate (made now at the first start), or off with {@code --no-tls}.
     */
    static ServerTls tls(CommandLine cmd, ServeOptions o) throws java.io.IOException {
        if ((o.tlsCert == null) != (o.tlsKey == null)) {
            throw new ParameterException(cmd, o.tlsCert == null ? "--tls-key needs --tls-cert" : "--tls-cert needs --tls-key");
        }
        if (o.noTls) {
            if (o.tlsCert != null) {
                throw new ParameterException(cmd, "--no-tls and --tls-cert/--tls-key contradict each other");
            }
            return ServerTls.off();
        }
        try {
            return o.tlsCert != null ? ServerCertificates.fromFiles(o.tlsCert, o.tlsKey)
                    : ServerCertificates.fromStateDir(o.stateDir.create());
        } catch (TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code svp demo}: what to type next. The Notes hint only for the demo source, which has Notes. */
    static void howToView(PrintWriter out, ServeOptions o, DisplaySource source, int port) {
        String target = o.bind.equals("0.0.0.0") ? "127.0.0.1" : o.bind;
        String hp = port == ServerConfig.DEFAULT_PORT ? target : target + ":" + port;
        boolean demo = source instanceof DemoDisplaySource;
        out.println(demo ? "Serving the demo desktop. To look at it:"
                : "Serving " + source.name() + ". To look at it:");
        out.println("  ./svp view " + hp + "                  # the desktop viewer (needs a graphical display)");
        out.println("  ./svp snapshot " + hp + " screen.png     # writes what a client sees to screen.png");
        if (demo) {
            out.println("  ./svp type " + hp + " 'hello'           # types into the demo's Notes window");
        }
        out.println("Stop with Ctrl+C.");
    }

    /** @return the server's counters for {@code --stats-on-stdin} (SCREEN_BLTs: X11 source only, else 0) */
    static ServerCounters counters(SvpServer server, DisplaySource source) {
        ServerStats s = server.stats();
        X11Stats x = served(source) instanceof X11DisplaySource x11 ? x11.stats() : null;
        java.util.Map<String, Long> extra = new java.util.LinkedHashMap<>();
        extra.put("memBltFallbacks", s.memBltFallbacks.sum());
        extra.put("v1Fallbacks", s.v1Fallbacks.sum());
        extra.put("coalesceEvents", s.coalesceEvents.sum());
        extra.put("resyncTiles.encoded", s.resyncTilesEncoded.sum());
        extra.put("resyncTiles.shared", s.resyncTilesShared.sum());
        extra.put("cache.hits", s.cacheHits.sum());
        extra.put("cache.saves", s.cacheSaves.sum());
        extra.put("cache.bytes_saved", s.cacheBytesSaved.sum());
        extra.put("cache.not_compressed", s.tilesNotCompressed.sum());
        if (x != null) {
            extra.put("x11.captures", x.captures.sum());
            extra.put("x11.reads", x.reads.sum());
            extra.put("x11.read_pixels", x.readPixels.sum());
            extra.put("x11.damage_events", x.damageEvents.sum());
            extra.put("x11.dirty_pixels", x.dirtyPixels.sum());
        }
        s.codecCounters().forEach((codec, c) -> {
            String name = "codec." + codec.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            extra.put(name + ".bytes", c.bytes());
            extra.put(name + ".regions", c.regions());
            extra.put(name + ".cpu_us", c.cpuMicros());
        });
        return new ServerCounters(s.bytesSent.sum(), s.updatesDispatched.sum(), x != null ? x.screenBlts.sum() : 0,
                x != null ? x.windowMoves.sum() : 0, s.captureToWire.snapshot(), extra);
    }

    /** @return the source --source named, under its recorder when --record wraps it */
    private static DisplaySource served(DisplaySource source) {
        return source instanceof RecordingSource r ? r.inner() : source;
    }

    /** The source --source names, recorded to --record FILE when given. */
    private static DisplaySource source(CommandLine cmd, ServeOptions o, PrintWriter out) {
        DisplaySource source = unrecorded(cmd, o, out);
        if (o.record == null) {
            return source;
        }
        try {
            return new RecordingSource(source, o.record);
        } catch (java.io.UncheckedIOException e) {
            source.close();
            throw new ParameterException(cmd, e.getMessage());
        }
    }

    private static DisplaySource unrecorded(CommandLine cmd, ServeOptions o, PrintWriter out) {
        if (o.source.startsWith("x11:")) {
            return X11Sources.create(cmd, o.source.substring("x11:".length()), o.geometry);
        }
        if (o.source.startsWith("vrde:")) {
            return new VrdeDisplaySource(Path.of(o.source.substring("vrde:".length())));
        }
        if (o.source.startsWith("vnc:")) {
            return VncSources.create(cmd, o.source.substring("vnc:".length()), o.vncPasswordFile);
        }
        if (o.source.startsWith("replay:")) {
            try {
                return new ReplaySource(Path.of(o.source.substring("replay:".length())));
            } catch (UpstreamException e) {
                throw new ParameterException(cmd, "--source " + o.source + ": " + e.getMessage());
            }
        }
        if (!o.source.equals("demo")) {
            throw new ParameterException(cmd, "unknown --source '" + o.source + "': this build serves 'demo',"
                    + " 'x11:DISPLAY' (e.g. x11::1), 'x11:new', 'vrde:DIR', 'vnc:HOST:PORT' (e.g. vnc:127.0.0.1:5900)"
                    + " and 'replay:FILE' (a recording made with --record)");
        }
        if (o.saveFinal != null && o.demoFrames < 0) {
            throw new ParameterException(cmd, "--save-final needs --demo-frames N (the frame to save)");
        }
        Geometry g = Geometry.parse(cmd, o.geometry);
        DemoDisplaySource demo = new DemoDisplaySource(new DemoOptions(g.width(), g.height(), o.demoFrames, o.demoFps));
        if (o.saveFinal != null) {
            Path file = o.saveFinal;
            demo.onScriptFinished((w, h, rgb) -> {
                Surface s = new Surface(w, h);
                System.arraycopy(rgb, 0, s.pixels(), 0, w * h);
                try {
                    SurfaceImages.writePng(s, file);
                    out.println("saved final frame to " + file);
                } catch (java.io.UncheckedIOException e) {
                    out.println("svp: cannot write " + file + ": " + e.getCause().getMessage());
                }
                out.flush();
            });
        }
        return demo;
    }
}
