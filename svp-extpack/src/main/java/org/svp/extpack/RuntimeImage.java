package org.svp.extpack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the pack's Java runtime with the running JDK's jlink, so the VM host needs no JDK. The module
 * list is fixed and was checked with {@code jdeps --print-module-deps --ignore-missing-deps} on the
 * shaded svp.jar (running jdeps on every build costs ~25 s on two cores); the integration tests start
 * the server from this runtime, so a missing module fails them.
 */
public final class RuntimeImage {
    /** What svp.jar needs (jdeps, JDK 25): the server, picocli (loads every command class), Netty. */
    public static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging",
            "java.management", "java.naming", "jdk.jfr", "jdk.unsupported");

    private RuntimeImage() {
    }

    /**
     * Runs {@code <javaHome>/bin/jlink --add-modules … --strip-debug --no-man-pages --no-header-files
     * --compress=zip-6 --output <out>}.
     *
     * @param javaHome a JDK (not a jlink'd runtime: those have no jlink)
     * @param out the directory to create (must not exist)
     * @param progress a line before and after (it takes 20–60 s)
     * @throws IOException when jlink is missing or fails (its output is in the message)
     */
    public static void jlink(Path javaHome, Path out, PrintStream progress) throws IOException {
        Path jlink = javaHome.resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IOException("no jlink in " + javaHome + " (building the pack needs a JDK 25, not a runtime)");
        }
        List<String> cmd = new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", MODULES),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=zip-6", "--output", out.toString()));
        progress.println("svp: making the Java runtime with jlink (" + String.join(",", MODULES) + ") ...");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // Ctrl+C while jlink runs: do not leave it running on its own
        Thread killer = new Thread(p::destroyForcibly, "svp-jlink-stop");
        Runtime.getRuntime().addShutdownHook(killer);
        byte[] output;
        try {
            output = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("jlink did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while jlink ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: nothing to undo
            }
        }
        if (p.exitValue() != 0) {
            throw new IOException("jlink failed (exit " + p.exitValue() + "): "
                    + new String(output, StandardCharsets.UTF_8).strip());
        }
        progress.printf("svp: runtime done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
