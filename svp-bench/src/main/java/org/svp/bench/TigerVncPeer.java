package org.svp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private final Path rfbcount;
    private final String mode;
    private final Path out;
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
    }

    /** @return the rfbcount mode */
    String mode() {
        return mode;
    }

    /** Connects rfbcount to Xvnc's VNC port; it counts for {@code seconds} from its handshake. */
    void start(int port, double seconds) throws IOException {
        client = new ProcessBuilder("python3", rfbcount.toString(), "127.0.0.1", Integer.toString(port),
                Double.toString(seconds), mode, out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * Waits for rfbcount to finish.
     *
     * @return {total bytes, updates} it received, or {-1, -1} if it failed
     */
    long[] finish() throws IOException, InterruptedException {
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
        }
        String json = Files.readString(out);
        Files.deleteIfExists(out);
        return new long[] {number(json, "total_bytes"), number(json, "updates")};
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
        } catch (IOException ignored) {
            // a file in the temporary folder
        }
    }
}
