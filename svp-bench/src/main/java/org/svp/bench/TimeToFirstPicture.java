package org.svp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.svp.client.swing.SvpViewer;
import org.svp.client.swing.ViewerOptions;
import org.svp.client.swing.view.ScaleMode;

/**
 * Time to first picture of {@code svp bench viewer}: the real viewer ({@link SvpViewer}, scale to fit) is
 * started in a fresh JVM — this JVM's java binary and flags, so the same as {@code ./svp view} — against
 * the benchmark's server, which shows one full-screen frame; the child reports when its first picture was
 * painted (from its connect start and from its JVM start) and is then stopped. Cold JVMs on purpose: the
 * first connection of a viewer pays for loading the toolkit and the network stack, and that is what a
 * user waits for. Called on the benchmark's thread; one daemon thread reads each child's output.
 */
final class TimeToFirstPicture {
    /** The longest a child may take to show its first picture. */
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern LINE = Pattern.compile(
            "first picture (\\d+) ms after connect start, (\\d+) ms after JVM start, (\\d+) ms CPU");

    /**
     * One run.
     *
     * @param fromConnectMs connect start → picture painted
     * @param fromJvmMs JVM start → picture painted
     * @param cpuMs CPU time of the viewer's process until then (all threads)
     */
    record Run(long fromConnectMs, long fromJvmMs, long cpuMs) {
    }

    private TimeToFirstPicture() {
    }

    /**
     * The child: {@code TimeToFirstPicture HOST PORT} opens the viewer with geometry reports (which include
     * the "first picture" line) and runs until it is stopped.
     *
     * @param args host and port
     * @throws Exception if the viewer fails
     */
    public static void main(String[] args) throws Exception {
        System.exit(SvpViewer.run(new ViewerOptions(args[0], Integer.parseInt(args[1]), false, ScaleMode.FIT, null,
                true)));
    }

    /**
     * Starts {@code runs} viewers one after the other and collects their times.
     *
     * @param port the server's port on 127.0.0.1 (it must already have a picture)
     * @param runs how many fresh JVMs
     * @return one result per run
     * @throws IOException if a child cannot start, exits or shows no picture within 60 s (with its output)
     * @throws InterruptedException if interrupted (the child is stopped)
     */
    static List<Run> measure(int port, int runs) throws IOException, InterruptedException {
        List<Run> result = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            result.add(once(port));
        }
        return result;
    }

    private static Run once(int port) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TimeToFirstPicture.class.getName(),
                "127.0.0.1", Integer.toString(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<Run> run = new CompletableFuture<>();
        Thread reader = Thread.ofPlatform().daemon().name("svp-bench-viewer-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    output.append(line).append('\n');
                    Matcher m = LINE.matcher(line);
                    if (m.find()) {
                        run.complete(new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                                Long.parseLong(m.group(3))));
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
            run.completeExceptionally(new IOException("the viewer ended without a picture"));
        });
        try {
            return run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            throw new IOException("the viewer showed no picture within " + TIMEOUT_SECONDS + " s; its output:\n"
                    + output, e);
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
            reader.join(1000);
        }
    }

    /**
     * @param values measurements
     * @return the median (the lower middle one for an even count)
     */
    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[(v.length - 1) / 2];
    }
}
