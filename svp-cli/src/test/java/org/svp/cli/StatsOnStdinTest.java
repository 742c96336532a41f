package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.svp.bench.ServerCounters;
import picocli.CommandLine;

/** The hidden {@code svp server --stats-on-stdin}: one answer line per {@code stats} line, quiet at EOF. */
class StatsOnStdinTest {
    @Test
    void answersEachStatsLineWithOneLineTheBenchmarkCanRead() {
        AtomicLong bytes = new AtomicLong();
        StringWriter sw = new StringWriter();
        StatsOnStdin.serve(new BufferedReader(new StringReader("stats\nsomething else\n\nstats\n")),
                new PrintWriter(sw), () -> new ServerCounters(bytes.addAndGet(1000), 5, 2, 1, new long[] {0, 3, 1}),
                () -> { throw new AssertionError("no finish line was sent"); });
        String[] lines = sw.toString().split("\\R");
        assertThat(lines).containsExactly("stats bytes=1000 updates=5 screenBlts=2 windowMoves=1 latency=0,3,1",
                "stats bytes=2000 updates=5 screenBlts=2 windowMoves=1 latency=0,3,1");
        ServerCounters d = ServerCounters.parse(lines[1]).minus(ServerCounters.parse(lines[0]));
        assertThat(d.bytes()).isEqualTo(1000);
        assertThat(d.latency()).containsExactly(0, 0, 0);
    }

    /** bench load's "finish": the source's finish action runs once per line, each answered. */
    @Test
    void finishLineRunsTheFinishActionAndIsAnswered() {
        AtomicLong finishes = new AtomicLong();
        StringWriter sw = new StringWriter();
        StatsOnStdin.serve(new BufferedReader(new StringReader("finish\nstats\n finish \n")), new PrintWriter(sw),
                () -> new ServerCounters(1, 2, 0, 0, new long[] {0}), finishes::incrementAndGet);
        assertThat(sw.toString().split("\\R")).containsExactly("finishing",
                "stats bytes=1 updates=2 screenBlts=0 windowMoves=0 latency=0", "finishing");
        assertThat(finishes).hasValue(2);
    }

    @Test
    void endOfStdinEndsTheThreadQuietly() throws Exception {
        StringWriter sw = new StringWriter();
        Thread t = StatsOnStdin.start(new BufferedReader(new StringReader("")), new PrintWriter(sw),
                () -> new ServerCounters(0, 0, 0, 0, new long[0]), () -> { });
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat(t.isDaemon()).isTrue();
        assertThat(sw.toString()).isEmpty();
    }

    @Test
    void optionIsAcceptedButHidden() {
        ServeCommand serve = new ServeCommand(false);
        CommandLine cmd = new CommandLine(serve);
        cmd.parseArgs("--source", "x11::1", "--stats-on-stdin");
        assertThat(serve.options.statsOnStdin).isTrue();
        assertThat(cmd.getUsageMessage()).doesNotContain("stats-on-stdin").contains("--single-port");
        ServeCommand plain = new ServeCommand(false);
        new CommandLine(plain).parseArgs("--source", "x11::1");
        assertThat(plain.options.statsOnStdin).isFalse();
    }
}
