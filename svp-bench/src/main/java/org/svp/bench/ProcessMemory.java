package org.svp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A child process's memory as Linux reports it ({@code VmRSS} of {@code /proc/PID/status}), and a full GC
 * requested from outside with the JDK's {@code jcmd PID GC.run} ({@code bench load} and {@code bench faults}
 * measure RSS after the clients left). Any thread.
 */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /**
     * @param pid a process
     * @return its resident set in MiB, or -1 if it has gone
     */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Asks the JVM {@code pid} for a full GC and waits up to 30 s for jcmd.
     *
     * @param pid a Java process this user started
     * @return true if jcmd ran and succeeded
     * @throws InterruptedException if interrupted
     */
    static boolean requestGc(long pid) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return this JVM's live thread count (the bench JVM must not grow a thread per client) */
    static int threads() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
