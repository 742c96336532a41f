package org.svp.vm.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.svp.protocol.error.UpstreamException;

/**
 * One run of a host program: its output is collected in files (so a chatty program cannot block on a
 * full pipe), it is killed after its time bound, and a failure becomes one {@link UpstreamException}
 * line with the program's last error line. Stateless apart from its arguments; any thread.
 *
 * @param argv the program and its arguments
 * @param dir the working directory
 * @param timeout how long it may run
 */
public record HostCommand(List<String> argv, Path dir, Duration timeout) {
    /**
     * @param name a program name
     * @return whether it is an executable file in a PATH directory (or the absolute path it is)
     */
    public static boolean installed(String name) {
        if (name.startsWith("/")) {
            return new File(name).canExecute();
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String d : path.split(File.pathSeparator)) {
            if (new File(d, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param program a program name
     * @param debianPackage the Debian/Ubuntu package that provides it
     * @throws UpstreamException naming the package if the program is not installed
     */
    public static void require(String program, String debianPackage) {
        if (!installed(program)) {
            throw new UpstreamException(program + " is not installed; install the Debian/Ubuntu package "
                    + debianPackage + " (apt-get install " + debianPackage + ")", null);
        }
    }

    /**
     * Runs the program to its end.
     *
     * @return its standard output
     * @throws UpstreamException if it cannot start, fails (exit status not 0) or outlives its bound
     */
    public String run() {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("svp-cmd", ".out");
            err = Files.createTempFile("svp-cmd", ".err");
            Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new File("/dev/null"))).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new UpstreamException(String.join(" ", argv) + " did not finish within " + timeout.toSeconds()
                        + " s", null);
            }
            if (p.exitValue() != 0) {
                throw new UpstreamException(String.join(" ", argv) + " failed (exit status " + p.exitValue() + "): "
                        + lastMeaningfulLine(Files.readString(err, StandardCharsets.UTF_8)), null);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UpstreamException("cannot run " + argv.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while running " + argv.getFirst(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * @param text a program's error output
     * @return its last line that says something ("E: ..." from apt wins over later "W: ..." notes)
     */
    static String lastMeaningfulLine(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("E: ")) {
                return lines.get(i);
            }
        }
        return lines.isEmpty() ? "(no message)" : lines.getLast();
    }

    /**
     * @param log a program's output file
     * @return its last meaningful line, or "(no message)" if it is empty or unreadable
     */
    public static String lastLine(Path log) {
        try {
            return lastMeaningfulLine(Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
