package org.svp.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.svp.server.LatencyHistogram;

/**
 * {@code svp bench load}: the demo served by {@code svp server} in its own process (the launcher's server
 * JVM flags), N headless clients on loopback sharing {@value ClientFleet#EVENT_LOOP_THREADS} event loop
 * threads, held for a while. Measures clients held, display messages delivered, the server's CPU
 * ({@code /proc}), its RSS after start, at peak (sampled every 250 ms) and after the clients left (5 s
 * settle, a GC through jcmd, 2 s), the server's p99 capture-to-wire latency over the hold, and whether
 * every client's final picture equals the server's: the demo's animation is ended through
 * {@code --stats-on-stdin}'s {@code finish} and the server saves its final frame ({@code --save-final}).
 * The server and its memory: {@link MeasuredDemoServer}. Runs on the calling thread plus a daemon RSS sampler.
 */
public final class LoadBenchmark {
    /** Targets of the issue ("Safe by default") on a 2-core machine. */
    static final double P99_TARGET_MS = 100;
    static final double PEAK_TARGET_MB = 512;
    static final double END_TARGET_MB = 64;

    /**
     * @param clients clients asked for
     * @param held of those, still connected at the end of the hold
     * @param connectSeconds time to connect them all
     * @param holdSeconds the hold
     * @param messagesPerSecond display messages delivered per second, summed over the clients
     * @param cpuSeconds the server's CPU during the hold
     * @param rssStartMb after start, before clients
     * @param rssPeakMb highest sample
     * @param rssEndMb after the clients left, a settle and a GC
     * @param p99Ms capture-to-wire p99 over the hold (server histogram)
     * @param finalsSame clients whose final picture equals the server's
     * @param finalsCompared clients compared
     * @param benchThreads live threads of the benchmark JVM with all clients connected
     * @param ioCpuSeconds of {@code cpuSeconds}, the server's I/O event loop (svp-io)
     * @param encoderCpuSeconds of {@code cpuSeconds}, the server's encoder workers
     * @param gcCpuSeconds of {@code cpuSeconds}, garbage collection and VM operations
     * @param coalesceEvents display queues turned into damage during the hold (server counter)
     * @param resyncTilesEncoded resync grid tiles encoded from the mirror during the hold
     * @param resyncTilesShared resync grid tiles handed to a client without encoding again
     */
    public record Result(int clients, int held, double connectSeconds, double holdSeconds, double messagesPerSecond,
                         double cpuSeconds, double rssStartMb, double rssPeakMb, double rssEndMb, double p99Ms,
                         int finalsSame, int finalsCompared, int benchThreads, double ioCpuSeconds,
                         double encoderCpuSeconds, double gcCpuSeconds, long coalesceEvents, long resyncTilesEncoded,
                         long resyncTilesShared) {
        /** @return true only if every client was compared and every one is identical */
        public boolean finalsIdentical() {
            return finalsCompared == clients && finalsSame == clients;
        }

        /** @return the JSON fields (docs/benchmarks.md) */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("held", held);
            m.put("p99_ms", p99Ms);
            m.put("rss_start_mb", rssStartMb);
            m.put("rss_peak_mb", rssPeakMb);
            m.put("rss_end_mb", rssEndMb);
            m.put("finals_identical", finalsIdentical());
            m.put("finals_same", finalsSame);
            m.put("connect_s", connectSeconds);
            m.put("hold_s", holdSeconds);
            m.put("updates_per_s", messagesPerSecond);
            m.put("server_cpu_s", cpuSeconds);
            m.put("bench_threads", benchThreads);
            m.put("server_io_cpu_s", ioCpuSeconds);
            m.put("server_encoder_cpu_s", encoderCpuSeconds);
            m.put("server_gc_cpu_s", gcCpuSeconds);
            m.put("coalesce_events", coalesceEvents);
            m.put("resync_tiles_encoded", resyncTilesEncoded);
            m.put("resync_tiles_shared", resyncTilesShared);
            return m;
        }

        /** @param out where the table and the targets go */
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "clients held          %d of %d (connected in %.1f s, held %.0f s)%n", held, clients,
                    connectSeconds, holdSeconds);
            out.printf(Locale.ROOT, "updates/s delivered   %.0f display messages/s (sum over clients)%n", messagesPerSecond);
            out.printf(Locale.ROOT, "server CPU            %.1f s in %.0f s (%.0f %% of one core)%n", cpuSeconds, holdSeconds,
                    100 * cpuSeconds / Math.max(holdSeconds, 1e-9));
            out.printf(Locale.ROOT, "  of which             svp-io %.1f s (%.0f %% of one core), encoders %.1f s, GC/VM %.1f s%n",
                    ioCpuSeconds, 100 * ioCpuSeconds / Math.max(holdSeconds, 1e-9), encoderCpuSeconds, gcCpuSeconds);
            out.printf(Locale.ROOT, "resyncs in the hold    %d coalesce events; %d resync tiles encoded, %d shared%n",
                    coalesceEvents, resyncTilesEncoded, resyncTilesShared);
            out.printf(Locale.ROOT, "server RSS            start %.0f MB, peak %.0f MB, end %.0f MB%n", rssStartMb, rssPeakMb,
                    rssEndMb);
            out.printf(Locale.ROOT, "p99 update latency    %.1f ms (capture to wire, server histogram)%n", p99Ms);
            out.printf(Locale.ROOT, "final pictures        %d of %d identical to the server's%n", finalsSame, clients);
            out.printf(Locale.ROOT, "bench JVM threads     %d%n", benchThreads);
            out.println("targets:");
            target(out, "all held", held == clients);
            target(out, "p99 < 100 ms", p99Ms < P99_TARGET_MS);
            target(out, "RSS peak < 512 MB", rssPeakMb < PEAK_TARGET_MB);
            target(out, "RSS after within 64 MB of the start", rssEndMb - rssStartMb <= END_TARGET_MB);
            target(out, "finals identical", finalsIdentical());
            out.flush();
        }

        private static void target(PrintWriter out, String what, boolean met) {
            out.printf("  %-38s %s%n", what, met ? "met" : "not met");
        }
    }

    private static long counter(ServerCounters c, String name) {
        return c.extra().getOrDefault(name, 0L);
    }

    private final int clients;
    private final int seconds;
    private final String mainClass;
    private final PrintWriter out;

    /**
     * @param clients headless clients to connect
     * @param seconds how long to hold them once all are connected
     * @param mainClass the CLI's main class, started as the server
     * @param out progress lines
     */
    public LoadBenchmark(int clients, int seconds, String mainClass, PrintWriter out) {
        this.clients = clients;
        this.seconds = seconds;
        this.mainClass = mainClass;
        this.out = out;
    }

    /**
     * @return the numbers
     * @throws IOException if the server cannot be started or stops answering
     * @throws InterruptedException if interrupted
     */
    public Result run() throws IOException, InterruptedException {
        int port = SvpServerProcess.freePort();
        try (MeasuredDemoServer demo = MeasuredDemoServer.start(mainClass, port, clients);
             ClientFleet fleet = new ClientFleet()) {
            SvpServerProcess server = demo.process();
            out.printf("svp bench load: server pid %d on 127.0.0.1:%d, RSS %.0f MB; connecting %d clients%n",
                    server.pid(), port, demo.rssStartMb(), clients);
            out.flush();
            long t0 = System.nanoTime();
            int connected = fleet.connect(port, clients);
            double connectSeconds = (System.nanoTime() - t0) / 1e9;
            if (connected < clients) {
                out.printf("  %d of %d clients could not connect, e.g.: %s%n", clients - connected, clients,
                        fleet.connectErrors());
                server.stderrLines().stream().filter(l -> l.contains("closing")).limit(3)
                        .forEach(l -> out.println("    server: " + l));
            }
            fleet.yieldToServer();
            out.printf(Locale.ROOT, "  %d connected in %.1f s; holding them %d s%n", connected, connectSeconds, seconds);
            out.flush();
            int benchThreads = ProcessMemory.threads();
            ServerCounters s0 = server.stats();
            ProcessCpu.Snapshot cpu0 = ProcessCpu.snapshot(server.pid());
            long m0 = fleet.displayMessages();
            long h0 = System.nanoTime();
            long holdEnd = h0 + TimeUnit.SECONDS.toNanos(seconds);
            for (long left; (left = holdEnd - System.nanoTime()) > 0; ) {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 1000));
            }
            double holdSeconds = (System.nanoTime() - h0) / 1e9;
            ServerCounters s1 = server.stats();
            ProcessCpu.Usage cpu = ProcessCpu.snapshot(server.pid()).since(cpu0);
            ServerCounters hold = s1.minus(s0);
            long messages = fleet.displayMessages() - m0;
            int held = fleet.held();
            double p99 = LatencyHistogram.quantileMillis(hold.latency(), 0.99);
            out.printf("  held %d for %.0f s; ending the animation and comparing final pictures%n", held, holdSeconds);
            out.flush();
            int[] finals = demo.compareFinals(fleet);
            fleet.finalNotes().forEach(n -> out.println("  final picture differs: " + n));
            fleet.close();
            double rssEnd = demo.rssAfterClientsLeft(out);
            return new Result(clients, held, connectSeconds, holdSeconds, messages / holdSeconds, cpu.total(),
                    demo.rssStartMb(), demo.rssPeakMb(), rssEnd, p99, finals[0], finals[1], benchThreads,
                    cpu.seconds(ProcessCpu.Group.IO), cpu.seconds(ProcessCpu.Group.ENCODER),
                    cpu.seconds(ProcessCpu.Group.GC), counter(hold, "coalesceEvents"),
                    counter(hold, "resyncTiles.encoded"), counter(hold, "resyncTiles.shared"));
        }
    }
}
