package org.svp.server.limits;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.server.ServerStats;

/**
 * Gives memory back to the operating system once the last display and cursor client has left: 200
 * clients grow the Java heap, Netty's pooled buffers and glibc's malloc arenas, and none of them
 * shrinks by itself (docs/benchmarks.md "bench load": RSS 112 MB before, 181–307 MB after). The trim,
 * {@value #DELAY_MILLIS} ms after the last client left and only if none has come since:
 * <ol>
 *   <li>the I/O thread's Netty buffer cache goes back to the arenas, so chunks left empty are freed;</li>
 *   <li>a full GC ({@code System.gc()}; the launcher's serial collector with {@code -XX:-ShrinkHeapInSteps}
 *       and {@code MaxHeapFreeRatio} then uncommits the free heap at once);</li>
 *   <li>glibc's {@code malloc_trim(0)} through FFM returns the free pages of its arenas (Netty's direct
 *       chunks are malloc'ed; once freed, glibc keeps them). Skipped where glibc or native access is
 *       not available.</li>
 * </ol>
 * Never while a client is connected: the full GC pauses every thread.
 *
 * <p>Called by {@code ClientRegistry} on the I/O thread ({@link #clientJoined}, {@link #lastClientLeft});
 * the trim runs as a scheduled task on that same event loop.
 */
public final class MemoryTrim {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryTrim.class);
    /** Quiet time before trimming: a reconnecting viewer or the next benchmark client does not pay for it. */
    public static final long DELAY_MILLIS = 2000;
    private static final MethodHandle MALLOC_TRIM = mallocTrim();

    private final ServerStats stats;
    /** Bumped on every join and every last leave: a scheduled trim runs only if it is still the latest. */
    private long generation;

    /** @param stats where trims are counted ({@link ServerStats#memoryTrims}) */
    public MemoryTrim(ServerStats stats) {
        this.stats = stats;
    }

    /** A display or cursor client joined: a pending trim is off. I/O thread. */
    public void clientJoined() {
        generation++;
    }

    /**
     * The last display and cursor client left: trims after {@link #DELAY_MILLIS} unless a client joins
     * first. I/O thread.
     *
     * @param loop the I/O event loop (the trim runs there)
     * @param stillIdle checked again when the delay is over
     */
    public void lastClientLeft(EventExecutor loop, BooleanSupplier stillIdle) {
        long mine = ++generation;
        loop.schedule(() -> {
            if (mine == generation && stillIdle.getAsBoolean()) {
                trim();
            }
        }, DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void trim() {
        long before = rssKb();
        PooledByteBufAllocator.DEFAULT.trimCurrentThreadCache();
        System.gc(); // the point: uncommit the heap the clients made the collector grow
        boolean malloc = mallocTrimNow();
        stats.memoryTrims.increment();
        long after = rssKb();
        LOG.info("no clients left: memory given back (Netty cache, full GC{}); RSS {} -> {} MB",
                malloc ? ", malloc_trim" : "", before / 1024, after / 1024);
    }

    private static boolean mallocTrimNow() {
        if (MALLOC_TRIM == null) {
            return false;
        }
        try {
            int ignored = (int) MALLOC_TRIM.invokeExact(0L); // 1 if it released something
            return true;
        } catch (Throwable e) {
            LOG.debug("malloc_trim failed", e);
            return false;
        }
    }

    /** @return glibc's malloc_trim, or null (not glibc, or this module may not call native code) */
    private static MethodHandle mallocTrim() {
        if (!MemoryTrim.class.getModule().isNativeAccessEnabled()) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("malloc_trim")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG)))
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** @return this process's resident set in KiB (Linux), 0 if unknown */
    private static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the log line says 0
        }
        return 0;
    }
}
