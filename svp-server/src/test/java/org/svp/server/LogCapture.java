package org.svp.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Catches what the loggers write while a test provokes warnings or errors on purpose, so the test
 * asserts on them and a passing suite prints none. slf4j-simple looks up {@code System.err} at every
 * call, so swapping it catches every logger and every thread; lines are kept in order. Opened and
 * closed on the test thread (try-with-resources, opened before the server so its shutdown is caught
 * too). Also used by svp-source-x11's tests (svp-server's test jar).
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream previous;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture() {
        previous = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** @return a capture that holds {@code System.err} until closed */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return the lines caught so far */
    public List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Waits (polling every 10 ms) for a line that contains {@code text}; log lines of other threads
     * may come after the event the test awaited.
     *
     * @param text what the line contains
     * @param timeout the longest wait
     * @return the first such line
     * @throws AssertionError naming the lines caught if none appears in time
     * @throws InterruptedException if interrupted
     */
    public String await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : lines()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line containing \"" + text + "\" within " + timeout.toMillis()
                        + " ms; caught: " + lines());
            }
            Thread.sleep(10);
        }
    }

    /** Gives {@code System.err} back. */
    @Override
    public void close() {
        System.setErr(previous);
    }
}
