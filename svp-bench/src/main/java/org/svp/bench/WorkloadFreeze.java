package org.svp.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Freezes the workload (the script and every process it started: terminals, slideshow, clock) with
 * SIGSTOP so the screen stops changing, and lets it go on with SIGCONT: how {@code svp bench x11}
 * gets a still screen to compare each client's picture with the X server's at a known moment, with
 * any {@code --workload} script. The X server is not part of it; a window manager the script started
 * pauses too (nothing moves while the rest is stopped). Benchmark thread.
 */
final class WorkloadFreeze {
    private WorkloadFreeze() {
    }

    /** Stops the workload process and its descendants. */
    static void freeze(Process workload) throws IOException, InterruptedException {
        signal(workload, "-STOP");
    }

    /** Lets them run again. */
    static void thaw(Process workload) throws IOException, InterruptedException {
        signal(workload, "-CONT");
    }

    private static void signal(Process workload, String signal) throws IOException, InterruptedException {
        if (!workload.isAlive()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("kill", signal, Long.toString(workload.pid())));
        workload.descendants().forEach(p -> cmd.add(Long.toString(p.pid())));
        Process kill = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS)) {
            kill.destroyForcibly();
            throw new IOException("kill " + signal + " did not finish");
        }
    }
}
