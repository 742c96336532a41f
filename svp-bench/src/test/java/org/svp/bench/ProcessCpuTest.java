package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.svp.bench.ProcessCpu.Group;
import org.svp.bench.ProcessCpu.Snapshot;
import org.svp.bench.ProcessCpu.Task;
import org.svp.bench.ProcessCpu.Usage;

/** /proc stat parsing, the grouping of thread names and the split of a process's CPU. */
class ProcessCpuTest {
    /** A task's stat line whose name holds blanks and ')': utime 250, stime 50, cutime 7, cstime 9. */
    private static final String STAT = "4242 (C2 Co) mp (x)) S 1 4242 4242 0 -1 4194560 1500 0 3 0 250 50 7 9 20 0 31 0"
            + " 12345 4096000 2500 18446744073709551615 1 1 0 0 0 0 0 4096 17664 0 0 0 17 1 0 0 0 0 0\n";

    @Test
    void parsesUserPlusSystemTicksAfterTheLastParenthesis() {
        assertThat(ProcessCpu.ticks(STAT)).isEqualTo(300);
        assertThat(ProcessCpu.comm(STAT)).isEqualTo("C2 Co) mp (x)");
    }

    @Test
    void plainStatLine() {
        String stat = "17 (Xvnc) R 1 17 17 0 -1 4194304 90 0 0 0 1234 567 0 0 20 0 1 0 99 1 1 1";
        assertThat(ProcessCpu.ticks(stat)).isEqualTo(1801);
        assertThat(ProcessCpu.comm(stat)).isEqualTo("Xvnc");
    }

    @Test
    void rejectsWhatIsNoStatLine() {
        assertThatThrownBy(() -> ProcessCpu.ticks("no parenthesis here")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcessCpu.ticks("1 (short) S 1 2 3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsThreadNamesAsTheKernelKeepsThem() {
        assertThat(Group.of("svp-x11")).isEqualTo(Group.X11);
        assertThat(Group.of("svp-io-1-1")).isEqualTo(Group.IO);
        assertThat(Group.of("svp-encoder-3-2")).isEqualTo(Group.ENCODER);
        assertThat(Group.of("svp-encoder-3-1")).isEqualTo(Group.ENCODER); // "svp-encoder-3-10" as the kernel keeps it
        assertThat(Group.of("C2 CompilerThre")).isEqualTo(Group.JIT);
        assertThat(Group.of("C1 CompilerThre")).isEqualTo(Group.JIT);
        assertThat(Group.of("GC Thread#1")).isEqualTo(Group.GC);
        assertThat(Group.of("G1 Conc#0")).isEqualTo(Group.GC);
        assertThat(Group.of("G1 Refine#0")).isEqualTo(Group.GC);
        assertThat(Group.of("VM Thread")).isEqualTo(Group.GC);
        assertThat(Group.of("VM Periodic Tas")).isEqualTo(Group.GC);
        for (String other : new String[] {"java", "Reference Handl", "Finalizer", "svp-stats-stdin",
            "svp-shutdown", "Common-Cleaner", "VM Threads", "svp-client-io"}) {
            assertThat(Group.of(other)).as(other).isEqualTo(Group.OTHER);
        }
    }

    @Test
    void splitCountsNewThreadsFromZeroAndLeavesEndedOnesInOther() {
        Snapshot before = new Snapshot(100, Map.of(1L, new Task(Group.X11, 40), 2L, new Task(Group.JIT, 30),
                3L, new Task(Group.OTHER, 10), 4L, new Task(Group.JIT, 20)));
        // thread 4 (a compiler thread) ended; thread 5 (an encoder) is new
        Snapshot after = new Snapshot(200, Map.of(1L, new Task(Group.X11, 70), 2L, new Task(Group.JIT, 45),
                3L, new Task(Group.OTHER, 12), 5L, new Task(Group.ENCODER, 8)));
        Usage u = after.since(before);
        assertThat(u.total()).isCloseTo(1.00, within(1e-9));
        assertThat(u.seconds(Group.X11)).isCloseTo(0.30, within(1e-9));
        assertThat(u.seconds(Group.JIT)).isCloseTo(0.15, within(1e-9));
        assertThat(u.seconds(Group.ENCODER)).isCloseTo(0.08, within(1e-9));
        assertThat(u.seconds(Group.IO)).isZero();
        assertThat(u.seconds(Group.GC)).isZero();
        assertThat(u.seconds(Group.OTHER)).isCloseTo(0.47, within(1e-9));
        assertThat(after.sinceStart().seconds(Group.X11)).isCloseTo(0.70, within(1e-9));
        assertThat(after.seconds()).isCloseTo(2.00, within(1e-9));
    }

    @Test
    void otherIsNeverNegativeWhenPerThreadRoundingExceedsTheTotal() {
        Snapshot before = new Snapshot(1000, Map.of(1L, new Task(Group.X11, 500), 2L, new Task(Group.IO, 300)));
        Snapshot after = new Snapshot(1010, Map.of(1L, new Task(Group.X11, 506), 2L, new Task(Group.IO, 305)));
        Usage u = after.since(before);
        assertThat(u.total()).isCloseTo(0.10, within(1e-9));
        assertThat(u.seconds(Group.OTHER)).isZero();
    }

    @Test
    void readsThisProcessAndFindsANamedThreadsCpu() throws Exception {
        long pid = ProcessHandle.current().pid();
        Snapshot before = ProcessCpu.snapshot(pid);
        AtomicReference<Long> sink = new AtomicReference<>();
        Thread burner = new Thread(() -> sink.set(burn(300_000_000L)), "svp-encoder-t");
        burner.start();
        burner.join();
        awaitGone(pid, "svp-encoder-t"); // the OS thread outlives join() for a moment
        Snapshot after = ProcessCpu.snapshot(pid);
        Usage u = after.since(before);
        // the burner ended before the second snapshot: its CPU is in the total, not in its group
        assertThat(u.total()).isGreaterThanOrEqualTo(0.25);
        assertThat(u.seconds(Group.OTHER)).isGreaterThanOrEqualTo(0.25);
        assertThat(ProcessCpu.seconds(pid)).isGreaterThanOrEqualTo(after.seconds());

        Thread live = new Thread(() -> {
            sink.set(burn(300_000_000L));
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // the test is done with it
            }
        }, "svp-encoder-u");
        Snapshot b2 = ProcessCpu.snapshot(pid);
        live.start();
        while (live.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(10);
        }
        Usage u2 = ProcessCpu.snapshot(pid).since(b2);
        live.interrupt();
        assertThat(u2.seconds(Group.ENCODER)).isGreaterThanOrEqualTo(0.25);
        assertThat(u2.total()).isGreaterThanOrEqualTo(u2.seconds(Group.ENCODER));
    }

    /** Waits until the process has no thread of that name any more. */
    private static void awaitGone(long pid, String comm) throws Exception {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        for (int i = 0; i < 500; i++) {
            boolean found = false;
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
                for (Path t : dir) {
                    try {
                        found |= Files.readString(t.resolve("comm")).strip().equals(comm);
                    } catch (NoSuchFileException ended) {
                        // gone meanwhile
                    }
                }
            }
            if (!found) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("thread " + comm + " still listed in " + tasks);
    }

    /** Spins until the current thread has used {@code nanos} of CPU. */
    private static long burn(long nanos) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = mx.getCurrentThreadCpuTime() + nanos;
        long x = 1;
        while (mx.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        return x;
    }
}
