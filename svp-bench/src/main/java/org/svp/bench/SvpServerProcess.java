package org.svp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.svp.source.x11.launch.Programs;

/**
 * The SVP server of {@code svp bench x11} as its own process, started the way a user starts it: this
 * JVM's java binary and JVM flags, this JVM's class path and the CLI's main class, with
 * {@code server --source x11:DISPLAY --bind 127.0.0.1 --port PORT --single-port --stats-on-stdin}.
 * {@link #start} waits for its "ready" line; {@link #stats()} asks it for its counters
 * ({@link ServerCounters}); {@link #close()} stops it. Its output is kept (the last lines) and shown only
 * when it fails. Called from the benchmark thread; two daemon threads read the child's stdout and stderr.
 */
final class SvpServerProcess implements AutoCloseable {
    /** How long the child may take to print "ready" (JVM start, X connection, server start). */
    private static final long READY_TIMEOUT_SECONDS = 30;
    /** How long the child may take to answer a stats request. */
    private static final long STATS_TIMEOUT_SECONDS = 10;
    /** Lines of the child's output kept for an error message. */
    private static final int TAIL_LINES = 30;
    /** Put on {@link #statsLines} when the child's stdout ends. */
    private static final String EOF = "\0eof";

    private final Process process;
    private final int port;
    private final List<String> command;
    private final Writer stdin;
    private final BlockingQueue<String> statsLines = new LinkedBlockingQueue<>();
    /** Other stdout lines ("saved final frame to …", "finishing"), for {@link #awaitLine}. */
    private final BlockingQueue<String> otherLines = new LinkedBlockingQueue<>();
    /** Every stderr line (the server logs there), for {@link #stderrLines}; guarded by itself. */
    private final List<String> stderr = new ArrayList<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    /** Last lines of stdout and stderr; guarded by itself. */
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Thread> readers = new ArrayList<>();
    private final Thread killer;

    private SvpServerProcess(Process process, int port, List<String> command) {
        this.process = process;
        this.port = port;
        this.command = command;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        readers.add(reader(process.getInputStream(), true));
        readers.add(reader(process.getErrorStream(), false));
        // if this JVM is stopped mid-run, do not leave the server behind
        killer = new Thread(process::destroyForcibly, "svp-bench-server-killer");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts {@code svp server} on an X display and waits until it is ready.
     *
     * @param mainClass the CLI's main class (on this JVM's class path)
     * @param display the X display, e.g. ":3"
     * @return the running server
     * @throws IOException if it cannot be started, exits or is not ready within 30 s (the message holds
     *     the end of its output)
     * @throws InterruptedException if interrupted while waiting (the child is stopped)
     */
    static SvpServerProcess start(String mainClass, String display) throws IOException, InterruptedException {
        return start(mainClass, display, null);
    }

    /**
     * As {@link #start(String, String)}, the server also recording what its source sends.
     *
     * @param record the recording to write ({@code --record FILE}), or null for none
     */
    static SvpServerProcess start(String mainClass, String display, Path record) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = command(javaBinary(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), mainClass, display, port);
        if (record != null) {
            command.addAll(List.of("--record", record.toString()));
        }
        SvpServerProcess p = new SvpServerProcess(new ProcessBuilder(command).start(), port, command);
        try {
            p.awaitReady();
            return p;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * Starts {@code svp} with any arguments ({@code bench load}, {@code bench faults}) and waits for its
     * "ready" line.
     *
     * @param jvmFlags the child's JVM flags (the class path and main class are this JVM's)
     * @param mainClass the CLI's main class
     * @param port the base port the arguments name
     * @param args the command line after the main class, e.g. {@code server --source demo …}
     * @return the running server
     * @throws IOException if it cannot be started, exits or is not ready within 30 s
     * @throws InterruptedException if interrupted while waiting (the child is stopped)
     */
    static SvpServerProcess start(List<String> jvmFlags, String mainClass, int port, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MALLOC_ARENA_MAX", "2"); // as ./svp starts a server
        SvpServerProcess p = new SvpServerProcess(pb.start(), port, command);
        try {
            p.awaitReady();
            return p;
        } catch (IOException | InterruptedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * @param line one line for the child's stdin ({@code stats}, {@code finish})
     * @throws IOException if it does not read its stdin any more
     */
    void send(String line) throws IOException {
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw failure("does not read its stdin any more (" + e.getMessage() + ")");
        }
    }

    /**
     * @param prefix how the wanted stdout line starts
     * @param timeoutMillis how long to wait
     * @return the line, or null if none came in time (earlier other lines are consumed)
     * @throws InterruptedException if interrupted
     */
    String awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            String l = otherLines.poll(left, TimeUnit.NANOSECONDS);
            if (l != null && l.startsWith(prefix)) {
                return l;
            }
        }
        return null;
    }

    /** @return the stderr lines so far (at most 10 000) */
    List<String> stderrLines() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /**
     * @param timeoutMillis how long to wait for it to exit on its own
     * @return its exit code, or null if it is still running
     * @throws InterruptedException if interrupted
     */
    Integer awaitExit(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return null;
        }
        for (Thread t : readers) {
            t.join(2000); // its last lines
        }
        return process.exitValue();
    }

    /** @return true while the child runs */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The JIT mode the launcher gives {@code svp server} (C1 only; docs/benchmarks.md "JVM flags of the
     * server"), added to a child whose flags name none: the benchmark JVM itself runs tiered.
     */
    static final String SERVER_JIT = "-XX:TieredStopAtLevel=1";
    /**
     * With {@link #SERVER_JIT}, as the launcher gives it: C1 compiles a method after a quarter of the
     * default invocations, so the server's lukewarm code is compiled during the start-up instead of
     * being interpreted, then compiled, for minutes (docs/benchmarks.md "JVM flags of the server").
     */
    static final String SERVER_COMPILE_THRESHOLDS = "-XX:CompileThresholdScaling=0.25";

    /**
     * @param java the java binary
     * @param jvmArgs the benchmark JVM's flags, passed on unchanged ({@link #SERVER_JIT} added when they
     *     name no JIT mode)
     * @param classPath the benchmark JVM's class path (the svp.jar)
     * @param mainClass the CLI's main class
     * @param display the X display
     * @param port the server's port
     * @return the child's command line
     */
    static List<String> command(String java, List<String> jvmArgs, String classPath, String mainClass, String display,
            int port) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(jvmArgs);
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            // started with "java -jar svp.jar", the jar's manifest grants it; with -cp the flag must
            c.add("--enable-native-access=ALL-UNNAMED");
        }
        if (jvmArgs.stream().noneMatch(a -> a.contains("TieredStopAtLevel") || a.contains("TieredCompilation"))) {
            // the launcher gives `svp server` C1 only, but not this JVM (it decodes, as a viewer)
            c.add(SERVER_JIT);
            c.add(SERVER_COMPILE_THRESHOLDS);
        }
        c.addAll(extraServerFlags());
        c.addAll(List.of("-cp", classPath, mainClass, "server", "--source", "x11:" + display, "--bind", "127.0.0.1",
                "--port", Integer.toString(port), "--single-port", "--stats-on-stdin", "--no-tls"));
        return c;
    }

    /**
     * @return extra JVM flags for a benchmark's server child only, for measurements (an AOT cache,
     *     -Xlog:jit…, a flag to compare): {@code SVP_BENCH_SERVER_OPTS}, split at blanks; docs/benchmarks.md
     *     "JVM flags of the server"
     */
    static List<String> extraServerFlags() {
        String extra = System.getenv("SVP_BENCH_SERVER_OPTS");
        return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Thread reader(InputStream in, boolean stdout) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (stdout && line.startsWith(ServerCounters.REQUEST + " ")) {
                        statsLines.add(line);
                        continue;
                    }
                    if (stdout && line.equals("ready")) {
                        ready.countDown();
                    }
                    if (stdout) {
                        otherLines.add(line);
                    } else {
                        synchronized (stderr) {
                            if (stderr.size() < 10_000) {
                                stderr.add(line);
                            }
                        }
                    }
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > TAIL_LINES) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was stopped
            } finally {
                if (stdout) {
                    statsLines.add(EOF);
                }
            }
        }, stdout ? "svp-bench-server-out" : "svp-bench-server-err");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_TIMEOUT_SECONDS);
        while (!ready.await(100, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw failure("did not print 'ready' within " + READY_TIMEOUT_SECONDS + " s");
            }
        }
    }

    /** @return the server's (single) port */
    int port() {
        return port;
    }

    /** @return the server's process id */
    long pid() {
        return process.pid();
    }

    /**
     * @return the server's counters now
     * @throws IOException if it does not answer (the message holds the end of its output)
     * @throws InterruptedException if interrupted while waiting
     */
    ServerCounters stats() throws IOException, InterruptedException {
        try {
            stdin.write(ServerCounters.REQUEST + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw failure("does not read its stdin any more (" + e.getMessage() + ")");
        }
        String line = statsLines.poll(STATS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            throw failure("did not answer '" + ServerCounters.REQUEST + "' within " + STATS_TIMEOUT_SECONDS + " s");
        }
        if (line.equals(EOF)) {
            statsLines.add(EOF);
            throw failure("closed its stdout");
        }
        try {
            return ServerCounters.parse(line);
        } catch (IllegalArgumentException e) {
            throw failure("answered with a line the benchmark cannot read: " + line);
        }
    }

    /** @return an exception with what went wrong, the command and the end of the child's output */
    private IOException failure(String what) {
        for (Thread t : readers) {
            try {
                t.join(process.isAlive() ? 200 : 2000); // let the readers take in what it printed last
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StringBuilder b = new StringBuilder("the SVP server process ").append(what).append("\n  command: ")
                .append(String.join(" ", command)).append("\n  its last output:");
        synchronized (tail) {
            if (tail.isEmpty()) {
                b.append(" (none)");
            }
            for (String l : tail) {
                b.append("\n    ").append(l);
            }
        }
        return new IOException(b.toString());
    }

    /** Stops the server: closes its stdin, then {@link Programs#stop} (SIGTERM, SIGKILL after 3 s). Idempotent. */
    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // it has gone already
        }
        Programs.stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException ignored) {
            // this JVM is shutting down: the hook kills it anyway
        }
    }
}
