package org.svp.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.svp.client.SvpClient;
import org.svp.server.LatencyHistogram;

/**
 * {@code svp bench faults}: what the server does when its peers die.
 * <ol>
 *   <li>Clients: N clients on a demo server process; each round kills a third of them (their sockets
 *       closed while the server is streaming to them), drops raw connections in the middle of a message
 *       both ways (a half-sent client message, a display channel reset mid-read, with SO_LINGER 0), and
 *       connects replacements. Checks: every current client held, the server alive, RSS bounded, every
 *       final picture the server's.</li>
 *   <li>Source: a demo server started with {@code -Dsvp.demo.failAtFrame} dies mid-stream with clients
 *       connected. Checks: exit code 1, exactly one {@code svp:} line on stderr, every client closed.</li>
 *   <li>Restart: a new server on the same port serves the reconnecting clients a full picture, equal to
 *       its final frame.</li>
 * </ol>
 * The demo servers and their memory: {@link MeasuredDemoServer}. Runs on the calling thread plus a daemon
 * RSS sampler.
 */
public final class FaultsBenchmark {
    /** Clients of the source and restart phases. */
    private static final int SOURCE_CLIENTS = 5;
    /** Frame at which the demo of the source phase fails: 40 s at 30 fps, after its clients joined. */
    private static final int FAIL_AT_FRAME = 1200;

    /** Everything measured; {@link #json()} has bench load's fields plus the fault-specific ones. */
    public record Result(int clients, int held, double p99Ms, double rssStartMb, double rssPeakMb, double rssEndMb,
                         boolean clientFinals, int finalsSame, int finalsCompared, int kills, int rawDrops, int rounds,
                         boolean serverSurvived, Integer sourceExitCode, List<String> sourceErrorLines,
                         int sourceClientsClosed, boolean restartFinals) {
        /** @return true if the source's death was reported as it must be */
        public boolean sourceDeathReported() {
            return sourceExitCode != null && sourceExitCode == 1 && sourceErrorLines.size() == 1
                    && sourceErrorLines.getFirst().contains("the demo desktop stopped");
        }

        /** @return the JSON fields */
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clients", clients);
            m.put("held", held);
            m.put("p99_ms", p99Ms);
            m.put("rss_start_mb", rssStartMb);
            m.put("rss_peak_mb", rssPeakMb);
            m.put("rss_end_mb", rssEndMb);
            m.put("finals_identical", clientFinals && restartFinals);
            m.put("rounds", rounds);
            m.put("clients_killed", kills);
            m.put("raw_connections_dropped", rawDrops);
            m.put("server_survived", serverSurvived);
            m.put("source_exit_code", sourceExitCode);
            m.put("source_error_line", sourceErrorLines.size() == 1 ? sourceErrorLines.getFirst() : null);
            m.put("source_death_reported", sourceDeathReported());
            m.put("source_clients_closed", sourceClientsClosed);
            m.put("restart_finals_identical", restartFinals);
            return m;
        }

        /** @param out where the table goes */
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "%-44s %s%n", "check", "result");
            row(out, "clients held after " + rounds + " kill/reconnect rounds", held + " of " + clients, held == clients);
            row(out, "clients killed / raw connections dropped", kills + " / " + rawDrops, true);
            row(out, "server survived", serverSurvived ? "yes" : "no", serverSurvived);
            row(out, "p99 update latency", String.format(Locale.ROOT, "%.1f ms", p99Ms), p99Ms < LoadBenchmark.P99_TARGET_MS);
            row(out, "server RSS start / peak / end", String.format(Locale.ROOT, "%.0f / %.0f / %.0f MB", rssStartMb,
                    rssPeakMb, rssEndMb), rssPeakMb < LoadBenchmark.PEAK_TARGET_MB
                    && rssEndMb - rssStartMb <= LoadBenchmark.END_TARGET_MB);
            row(out, "final pictures identical", finalsSame + " of " + finalsCompared, clientFinals);
            row(out, "source dies: exit code, one 'svp:' line", sourceExitCode + ", "
                    + (sourceErrorLines.size() == 1 ? sourceErrorLines.getFirst() : sourceErrorLines.size() + " lines"),
                    sourceDeathReported());
            row(out, "source dies: its clients closed", sourceClientsClosed + " of " + SOURCE_CLIENTS,
                    sourceClientsClosed == SOURCE_CLIENTS);
            row(out, "restarted server: full picture", restartFinals ? "yes" : "no", restartFinals);
            out.flush();
        }

        private static void row(PrintWriter out, String what, String value, boolean ok) {
            out.printf("%-44s %-40s %s%n", what, value, ok ? "ok" : "FAILED");
        }
    }

    private final int clients;
    private final int rounds;
    private final String mainClass;
    private final PrintWriter out;
    private final Random random = new Random(11);

    /**
     * @param clients clients of the first phase
     * @param rounds kill/reconnect rounds
     * @param mainClass the CLI's main class, started as the server
     * @param out progress lines
     */
    public FaultsBenchmark(int clients, int rounds, String mainClass, PrintWriter out) {
        this.clients = clients;
        this.rounds = rounds;
        this.mainClass = mainClass;
        this.out = out;
    }

    /**
     * @return the numbers
     * @throws IOException if a server cannot be started
     * @throws InterruptedException if interrupted
     */
    public Result run() throws IOException, InterruptedException {
        int port = SvpServerProcess.freePort();
        int held;
        int kills = 0;
        int raw = 0;
        double p99;
        double rssEnd;
        boolean survived;
        int[] finals;
        MeasuredDemoServer demo = MeasuredDemoServer.start(mainClass, port, clients);
        try (demo; ClientFleet fleet = new ClientFleet()) {
            SvpServerProcess server = demo.process();
            out.printf("svp bench faults: clients: %d on 127.0.0.1:%d, %d rounds%n", clients, port, rounds);
            out.flush();
            fleet.connect(port, clients);
            ServerCounters s0 = server.stats();
            for (int r = 0; r < rounds; r++) {
                List<SvpClient> now = new ArrayList<>(fleet.clients());
                java.util.Collections.shuffle(now, random);
                List<SvpClient> victims = now.subList(0, Math.max(1, now.size() / 3));
                victims.forEach(fleet::kill);
                kills += victims.size();
                int dropped = dropRawConnections(port);
                raw += dropped;
                fleet.connect(port, victims.size());
                Thread.sleep(2000);
                out.printf("  round %d: killed %d, dropped %d raw connections, %d held%n", r + 1, victims.size(),
                        dropped, fleet.held());
                out.flush();
            }
            held = fleet.held();
            p99 = LatencyHistogram.quantileMillis(server.stats().minus(s0).latency(), 0.99);
            finals = demo.compareFinals(fleet);
            survived = server.isAlive();
            fleet.close();
            rssEnd = demo.rssAfterClientsLeft(out);
        }
        SourcePhase source = sourcePhase();
        boolean restart = restartPhase(source.port);
        return new Result(clients, held, p99, demo.rssStartMb(), demo.rssPeakMb(), rssEnd,
                finals[0] == finals[1] && finals[1] == clients, finals[0], finals[1], kills, raw, rounds, survived,
                source.exitCode, source.errorLines, source.clientsClosed, restart);
    }

    /**
     * Two connections that die in the middle of a message: a main channel whose MAIN_CHANNEL_INIT stops
     * after 6 of its 16 bytes, and a display channel that reads part of its first picture; both reset
     * (SO_LINGER 0), not closed politely.
     *
     * @return connections dropped
     */
    private static int dropRawConnections(int port) throws IOException {
        try (Socket half = new Socket()) {
            half.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            byte[] init = frame(40, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putShort((short) 0)
                    .putShort((short) 0).array());
            half.getOutputStream().write(init, 0, 6);
            half.getOutputStream().flush();
            half.setSoLinger(true, 0);
        }
        try (Socket reader = new Socket()) {
            reader.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            reader.setSoTimeout(5000);
            OutputStream o = reader.getOutputStream();
            o.write(frame(42, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1)
                    .putShort((short) 0).putInt(0x3FF).array()));
            o.flush();
            InputStream in = reader.getInputStream();
            byte[] buf = new byte[4096];
            int got = 0;
            while (got < 20_000) { // CHANNEL_READY, SCREEN_RESIZE and part of the first picture
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            reader.setSoLinger(true, 0);
        } catch (java.net.SocketTimeoutException e) {
            // the server sent less than asked for: still dropped mid-stream below
        }
        return 2;
    }

    private static byte[] frame(int cmd, byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x7F5A)
                .putShort((short) cmd).putInt(body.length).put(body).array();
    }

    private record SourcePhase(int port, Integer exitCode, List<String> errorLines, int clientsClosed) {
    }

    /** A demo that fails at a frame, with clients connected. */
    private SourcePhase sourcePhase() throws IOException, InterruptedException {
        int port = SvpServerProcess.freePort();
        List<String> flags = new ArrayList<>(MeasuredDemoServer.JVM_FLAGS);
        flags.add("-Dsvp.demo.failAtFrame=" + FAIL_AT_FRAME);
        List<String> args = List.of("server", "--source", "demo", "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--single-port", "--stats-on-stdin", "--no-tls");
        out.printf("svp bench faults: source: a demo failing at frame %d, %d clients%n", FAIL_AT_FRAME, SOURCE_CLIENTS);
        out.flush();
        try (SvpServerProcess server = SvpServerProcess.start(flags, mainClass, port, args);
             ClientFleet fleet = new ClientFleet()) {
            fleet.connect(port, SOURCE_CLIENTS);
            Integer code = server.awaitExit(120_000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (fleet.held() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            int closed = fleet.clients().size() - fleet.held();
            List<String> svpLines = server.stderrLines().stream().filter(l -> l.startsWith("svp: ")).toList();
            return new SourcePhase(port, code, svpLines, closed);
        }
    }

    /** A fresh server on the port the dead one used: its clients get a full picture. */
    private boolean restartPhase(int port) throws IOException, InterruptedException {
        out.printf("svp bench faults: restart: a new server on port %d, %d clients%n", port, SOURCE_CLIENTS);
        out.flush();
        try (MeasuredDemoServer demo = MeasuredDemoServer.start(mainClass, port, SOURCE_CLIENTS);
             ClientFleet fleet = new ClientFleet()) {
            fleet.connect(port, SOURCE_CLIENTS);
            int[] f = demo.compareFinals(fleet);
            return f[0] == SOURCE_CLIENTS && f[1] == SOURCE_CLIENTS;
        }
    }
}
