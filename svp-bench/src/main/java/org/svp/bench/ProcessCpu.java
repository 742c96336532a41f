package org.svp.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of a process from Linux's {@code /proc}: the whole process ({@code /proc/PID/stat}, which
 * also holds the threads that have already ended) and, for a split by thread, each live thread
 * ({@code /proc/PID/task/TID/stat}) grouped by its name. User + system time, in clock ticks of 10 ms
 * (USER_HZ = 100 on Linux). Used by the benchmark thread for the SVP server process and the X server.
 */
public final class ProcessCpu {
    /** Linux USER_HZ: /proc/PID/stat counts CPU in these ticks. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** Who a thread's CPU is counted for in the split, by thread name (as the kernel keeps it: 15 characters). */
    public enum Group {
        /** The X11 source's capture thread. */
        X11("svp-x11"),
        /** The server's Netty I/O thread(s). */
        IO("svp-io"),
        /** The server's encoder workers. */
        ENCODER("svp-encoder-*"),
        /** HotSpot's C1 and C2 JIT compiler threads. */
        JIT("JIT compilers"),
        /** Garbage collector threads and the VM thread (safepoints, VM operations). */
        GC("GC/VM"),
        /** Everything else: main, reference handler, stdin reader, … and threads that ended in the window. */
        OTHER("other");

        /** How the output names the group. */
        public final String label;

        Group(String label) {
            this.label = label;
        }

        /**
         * @param comm a thread's name as in /proc (truncated to 15 characters by the kernel)
         * @return its group
         */
        public static Group of(String comm) {
            if (comm.startsWith("svp-x11")) {
                return X11;
            }
            if (comm.startsWith("svp-io")) {
                return IO;
            }
            if (comm.startsWith("svp-encoder")) {
                return ENCODER;
            }
            if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                return JIT;
            }
            if (comm.startsWith("GC Thread") || comm.startsWith("G1") || comm.equals("VM Thread")
                    || comm.startsWith("VM Periodic")) {
                return GC;
            }
            return OTHER;
        }
    }

    /**
     * @param pid a process
     * @return its user + system CPU seconds so far, all threads, including those that have ended
     * @throws IOException if the process does not exist (any more)
     */
    public static double seconds(long pid) throws IOException {
        return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND;
    }

    /**
     * @param stat a line of /proc/PID/stat or /proc/PID/task/TID/stat
     * @return utime + stime (fields 14 and 15) in clock ticks
     * @throws IllegalArgumentException if the line is not in that format
     */
    static long ticks(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        // after "pid (comm) ": field 3 (state) is f[0], so utime (14) is f[11] and stime (15) f[12]
        String[] f = stat.substring(close + 2).strip().split(" ");
        if (f.length < 13) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * @param stat a line of /proc/PID/task/TID/stat
     * @return the thread's name: between the first '(' and the last ')', which may hold blanks and ')'
     */
    static String comm(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        return stat.substring(open + 1, close);
    }

    /**
     * Reads the process's threads, then the process total (so the total is never behind the threads).
     *
     * @param pid a process
     * @return its CPU now
     * @throws IOException if the process does not exist (any more)
     */
    public static Snapshot snapshot(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        Map<Long, Task> tasks = new HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path t : dir) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (NoSuchFileException ended) {
                    continue; // the thread ended since the listing; its CPU stays in the process total
                }
                tasks.put(Long.parseLong(t.getFileName().toString()), new Task(Group.of(comm(stat)), ticks(stat)));
            }
        }
        return new Snapshot(ticks(Files.readString(proc.resolve("stat"))), Map.copyOf(tasks));
    }

    /**
     * One thread at a snapshot.
     *
     * @param group what its name says it is
     * @param ticks its CPU ticks so far
     */
    public record Task(Group group, long ticks) {
    }

    /**
     * The CPU of a process and of each of its live threads at one moment.
     *
     * @param totalTicks the whole process (threads that ended included)
     * @param tasks each live thread by thread id
     */
    public record Snapshot(long totalTicks, Map<Long, Task> tasks) {
        /** @return the whole process's CPU seconds at this snapshot */
        public double seconds() {
            return totalTicks / TICKS_PER_SECOND;
        }

        /**
         * @param earlier a snapshot of the same process taken before this one
         * @return the CPU used in between, whole process and split by group
         */
        public Usage since(Snapshot earlier) {
            Map<Group, Long> named = new EnumMap<>(Group.class);
            for (Map.Entry<Long, Task> e : tasks.entrySet()) {
                Task before = earlier.tasks.get(e.getKey());
                // a thread started in the window counts from 0; a thread id reused by another group is new too
                long start = before != null && before.group == e.getValue().group ? before.ticks : 0;
                named.merge(e.getValue().group, e.getValue().ticks - start, Long::sum);
            }
            return new Usage(totalTicks - earlier.totalTicks, named);
        }

        /** @return the CPU since the process started */
        public Usage sinceStart() {
            return since(new Snapshot(0, Map.of()));
        }
    }

    /** CPU used over an interval: the whole process and the split by {@link Group}. */
    public static final class Usage {
        private final long totalTicks;
        private final long[] groupTicks = new long[Group.values().length];

        Usage(long totalTicks, Map<Group, Long> named) {
            this.totalTicks = totalTicks;
            long sum = 0;
            for (Group g : Group.values()) {
                if (g != Group.OTHER) {
                    groupTicks[g.ordinal()] = named.getOrDefault(g, 0L);
                    sum += groupTicks[g.ordinal()];
                }
            }
            // other = total − the named groups: threads that ended in the window are in the total only.
            // The kernel rounds each thread's time down to a tick, so the named groups can exceed the total
            // by a tick or two: other is then 0, not negative.
            groupTicks[Group.OTHER.ordinal()] = Math.max(0, totalTicks - sum);
        }

        /** @return the whole process's CPU seconds */
        public double total() {
            return totalTicks / TICKS_PER_SECOND;
        }

        /**
         * @param g a group
         * @return its CPU seconds ({@link Group#OTHER}: the total minus the other groups, at least 0)
         */
        public double seconds(Group g) {
            return groupTicks[g.ordinal()] / TICKS_PER_SECOND;
        }
    }
}
