package org.svp.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the threads whose names start with given prefixes (e.g. the server's "svp-io" and
 * "svp-encoder" threads), from the JVM's per-thread counters. Called from the benchmark's thread.
 */
final class ThreadCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /**
     * @param prefixes thread name prefixes
     * @return the summed CPU nanoseconds of the live threads that match
     */
    static long nanos(String... prefixes) {
        long sum = 0;
        for (ThreadInfo ti : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (ti == null) {
                continue;
            }
            for (String p : prefixes) {
                if (ti.getThreadName().startsWith(p)) {
                    long t = MX.getThreadCpuTime(ti.getThreadId());
                    if (t > 0) {
                        sum += t;
                    }
                    break;
                }
            }
        }
        return sum;
    }
}
