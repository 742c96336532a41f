package org.svp.bench;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Lowers a thread's CPU priority to Linux nice {@value #NICE}, below the rest of the process; for
 * {@link ClientFleet}'s event loops: {@code bench load} puts hundreds of decoding, rendering clients on the
 * same two cores as the server it measures, and at equal priority the fleet (which wants more CPU than
 * there is) delays the server's threads in the run queue — measured as the server's own capture-to-wire
 * latency (docs/benchmarks.md "bench load"). On real deployments the clients are on other machines. A
 * fleet that cannot keep up is coalesced by the server, as a slow real client is. Each event loop lowers
 * its own priority ({@link ClientFleet#yieldToServer}): Linux's {@code setpriority(PRIO_PROCESS, 0, n)}
 * applies to the calling thread only, so the benchmark thread and the server processes it starts keep
 * theirs. Where that call is not available the threads stay at normal priority.
 */
final class ThreadPriority {
    static final int NICE = 10;
    private static final MethodHandle SETPRIORITY = lookup();

    private ThreadPriority() {
    }

    /** Lowers the calling thread's priority to {@link #NICE}; does nothing where that is not possible. */
    static void lowerPriority() {
        if (SETPRIORITY == null) {
            return;
        }
        try {
            int ignored = (int) SETPRIORITY.invokeExact(0, 0, NICE); // PRIO_PROCESS, this thread
        } catch (Throwable e) {
            // stays at normal priority
        }
    }

    private static MethodHandle lookup() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority").map(f -> linker.downcallHandle(f,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT))).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }
}
