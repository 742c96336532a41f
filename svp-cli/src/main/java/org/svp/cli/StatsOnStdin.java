package org.svp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.svp.bench.ServerCounters;

/**
 * The hidden {@code svp server --stats-on-stdin} for {@code svp bench x11}, which runs the server as its
 * own process: each line {@code stats} on stdin is answered with one line of the server's counters on
 * stdout ({@link ServerCounters#format()}); a line {@code finish} ends the demo's animation after its next
 * frame ({@code svp bench load} then compares final pictures; other sources ignore it) and is answered
 * with {@code finishing}; other lines are ignored; end of stdin ends it quietly. Runs on its own daemon
 * thread "svp-stats-stdin".
 */
final class StatsOnStdin {
    /** The request that ends the demo's animation. */
    static final String FINISH = "finish";
    /** Its answer. */
    static final String FINISHING = "finishing";

    private StatsOnStdin() {
    }

    /**
     * Starts the daemon thread.
     *
     * @param in stdin
     * @param out the command's output (the lines go there, flushed)
     * @param counters reads the counters now
     * @param finish ends the source's animation (the demo's finishNow), or does nothing
     * @return the thread
     */
    static Thread start(BufferedReader in, PrintWriter out, Supplier<ServerCounters> counters, Runnable finish) {
        Thread t = new Thread(() -> serve(in, out, counters, finish), "svp-stats-stdin");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Answers requests until {@code in} ends. */
    static void serve(BufferedReader in, PrintWriter out, Supplier<ServerCounters> counters, Runnable finish) {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.strip().equals(ServerCounters.REQUEST)) {
                    out.println(counters.get().format());
                    out.flush();
                } else if (line.strip().equals(FINISH)) {
                    finish.run();
                    out.println(FINISHING);
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // stdin closed under us: same as its end
        }
    }
}
