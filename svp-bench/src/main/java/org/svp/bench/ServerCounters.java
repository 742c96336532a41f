package org.svp.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.svp.server.LatencyHistogram;

/**
 * The server counters {@code svp bench x11} reads from its {@code svp server} child: the child, started
 * with the hidden option {@code --stats-on-stdin}, answers each line {@value #REQUEST} on its stdin
 * with one line {@link #format()} on its stdout, e.g.
 * {@code stats bytes=1234 updates=56 screenBlts=7 windowMoves=3 latency=0,0,5,1}; the benchmark reads it
 * with {@link #parse(String)} before and after the measured window and takes the {@link #minus difference}.
 *
 * @param bytes bytes handed to client sockets (ServerStats.bytesSent)
 * @param updates source updates dispatched (ServerStats.updatesDispatched)
 * @param screenBlts SCREEN_BLT orders of the X11 source (0 for other sources)
 * @param windowMoves of those, window moves
 * @param latency capture-to-wire histogram bucket counts (LatencyHistogram.snapshot())
 * @param extra further named counters, e.g. per codec {@code codec.lz4.bytes} or the bitmap cache's
 *     {@code cache.hits}; written as {@code name=value} words after the fixed ones (names without
 *     blanks or '='), in this map's order
 */
public record ServerCounters(long bytes, long updates, long screenBlts, long windowMoves, long[] latency,
        Map<String, Long> extra) {
    /** The request line. */
    public static final String REQUEST = "stats";
    private static final java.util.Set<String> FIXED = java.util.Set.of("bytes", "updates", "screenBlts",
            "windowMoves", "latency");

    /** Counters without extra ones. */
    public ServerCounters(long bytes, long updates, long screenBlts, long windowMoves, long[] latency) {
        this(bytes, updates, screenBlts, windowMoves, latency, Map.of());
    }

    /** @return the answer line, without line end */
    public String format() {
        StringBuilder sb = new StringBuilder(REQUEST + " bytes=" + bytes + " updates=" + updates + " screenBlts="
                + screenBlts + " windowMoves=" + windowMoves + " latency="
                + Arrays.stream(latency).mapToObj(Long::toString).collect(Collectors.joining(",")));
        extra.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * @param line a line {@link #format()} wrote
     * @return the counters in it
     * @throws IllegalArgumentException if it is not such a line
     */
    public static ServerCounters parse(String line) {
        String[] words = line.strip().split(" ");
        if (!words[0].equals(REQUEST)) {
            throw new IllegalArgumentException("not a stats line: " + line);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a stats line: " + line);
            }
            values.put(words[i].substring(0, eq), words[i].substring(eq + 1));
        }
        try {
            String hist = values.getOrDefault("latency", "");
            long[] latency = hist.isEmpty() ? new long[0]
                    : Arrays.stream(hist.split(",")).mapToLong(Long::parseLong).toArray();
            Map<String, Long> extra = new java.util.LinkedHashMap<>();
            for (int i = 1; i < words.length; i++) {
                String k = words[i].substring(0, words[i].indexOf('='));
                if (!FIXED.contains(k)) {
                    extra.put(k, Long.parseLong(values.get(k)));
                }
            }
            return new ServerCounters(number(values, "bytes", line), number(values, "updates", line),
                    number(values, "screenBlts", line), number(values, "windowMoves", line), latency, extra);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stats line: " + line, e);
        }
    }

    private static long number(Map<String, String> values, String key, String line) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("stats line without " + key + ": " + line);
        }
        return Long.parseLong(v);
    }

    /**
     * @param earlier counters read before these
     * @return what was counted in between
     */
    public ServerCounters minus(ServerCounters earlier) {
        if (earlier.latency.length != latency.length) {
            throw new IllegalArgumentException("latency histograms of different sizes");
        }
        Map<String, Long> diff = new java.util.LinkedHashMap<>();
        extra.forEach((k, v) -> diff.put(k, v - earlier.extra.getOrDefault(k, 0L)));
        return new ServerCounters(bytes - earlier.bytes, updates - earlier.updates, screenBlts - earlier.screenBlts,
                windowMoves - earlier.windowMoves, LatencyHistogram.minus(latency, earlier.latency), diff);
    }
}
