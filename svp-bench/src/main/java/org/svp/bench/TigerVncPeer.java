package org.svp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TigerVNC side of {@code svp bench x11 --peer tigervnc}: runs {@code rfbcount.py} (a counting
 * RFB client) in one of its modes against Xvnc for the measured window (Xvnc's CPU is read with
 * {@link ProcessCpu}): {@value #DEFAULT} = the viewer's default Tight with JPEG quality 8; the lossless
 * modes {@value #ZRLE} and {@value #TIGHT_LOSSLESS} (Tight without JPEG). Benchmark thread only.
 */
final class TigerVncPeer {
    /** rfbcount's mode for TigerVNC's viewer default: Tight, JPEG quality 8, compress level 2. */
    static final String DEFAULT = "tight";
    /** rfbcount's lossless ZRLE mode. */
    static final String ZRLE = "zrle";
    /** rfbcount's lossless Tight mode (no quality level, so no JPEG). */
    static final String TIGHT_LOSSLESS = "tightll";

    /** Where rfbcount.py stands when the workload is a script of the user's own: beside the shared workload. */
    static final String SHARED_RFBCOUNT = "../shared/bench/rfbcount.py";

    private final Path rfbcount;
    private final String mode;
    private final Path out;
    /** rfbcount's own output (stdout and stderr), quoted when it gives no result. */
    private final Path log;
    private Process client;

    /**
     * @param rfbcount path of rfbcount.py
     * @param mode one of {@link #DEFAULT}, {@link #ZRLE}, {@link #TIGHT_LOSSLESS}
     * @throws IOException if the temporary result file cannot be created
     */
    TigerVncPeer(Path rfbcount, String mode) throws IOException {
        this.rfbcount = rfbcount;
        this.mode = mode;
        this.out = Files.createTempFile("svp-rfbcount", ".json");
        this.log = Files.createTempFile("svp-rfbcount", ".log");
    }

    /**
     * Finds rfbcount.py before any run starts, so a missing one is reported at once and not as a
     * failed run minutes later.
     *
     * @param given the path the user gave ({@code --rfbcount}), or null
     * @param workload the workload script: rfbcount.py beside it comes first, then {@value #SHARED_RFBCOUNT}
     * @return the path to run
     * @throws IllegalArgumentException naming the places looked at
     */
    static Path locate(Path given, Path workload) {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IllegalArgumentException("rfbcount not found: " + given);
            }
            return given;
        }
        Path beside = workload.resolveSibling("rfbcount.py");
        if (Files.isRegularFile(beside)) {
            return beside;
        }
        Path shared = Path.of(SHARED_RFBCOUNT).toAbsolutePath().normalize();
        if (Files.isRegularFile(shared)) {
            return shared;
        }
        throw new IllegalArgumentException("--peer tigervnc needs rfbcount.py (../shared/bench/rfbcount.py): not"
                + " beside the workload (" + beside + ") nor at " + shared + "; pass --rfbcount FILE");
    }

    /** @return the rfbcount mode */
    String mode() {
        return mode;
    }

    /** Connects rfbcount to Xvnc's VNC port; it counts for {@code seconds} from its handshake. */
    void start(int port, double seconds) throws IOException {
        client = new ProcessBuilder("python3", rfbcount.toString(), "127.0.0.1", Integer.toString(port),
                Double.toString(seconds), mode, out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits for rfbcount to finish.
     *
     * @return {total bytes, updates} it received
     * @throws IllegalStateException if it gave no result: its exit status and last output lines
     */
    long[] finish() throws IOException, InterruptedException {
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
        }
        String json = Files.readString(out);
        Files.deleteIfExists(out);
        long bytes = number(json, "total_bytes");
        if (bytes < 0) {
            String exit = client.isAlive() ? "still running after 60 s" : "exit status " + client.exitValue();
            throw new IllegalStateException("rfbcount (" + mode + ", " + rfbcount + ") gave no result, " + exit
                    + ": " + tail(log));
        }
        return new long[] {bytes, number(json, "updates")};
    }

    /** @return the last three lines of rfbcount's output, or a note that it printed nothing */
    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "it printed nothing";
        }
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static long number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Stops rfbcount if it still runs (after a failure) and removes its result file. Idempotent. */
    void stop() {
        if (client != null && client.isAlive()) {
            client.destroyForcibly();
        }
        try {
            Files.deleteIfExists(out);
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a file in the temporary folder
        }
    }
}
