package org.svp.source.x11.xlib;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An eventfd that another thread signals to wake the X thread out of {@code poll}: the server's I/O
 * thread after queueing input, {@code close()} to stop. {@link #signal} is thread-safe and never
 * blocks; {@link #drain} and {@link #close} belong to the X thread.
 */
public final class Wakeup implements AutoCloseable {
    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment one = arena.allocate(ValueLayout.JAVA_LONG);
    private final MemorySegment sink = arena.allocate(ValueLayout.JAVA_LONG);
    private volatile boolean closed;

    /** Creates the eventfd. */
    public Wakeup() {
        fd = LibC.eventfd();
        if (fd < 0) {
            throw new IllegalStateException("eventfd failed");
        }
        one.set(ValueLayout.JAVA_LONG, 0, 1L);
    }

    /** @return the descriptor to poll */
    public int fd() {
        return fd;
    }

    /** Wakes the poller (any thread). */
    public void signal() {
        if (!closed) {
            LibC.write(fd, one);
        }
    }

    /** Clears pending signals (X thread). */
    public void drain() {
        LibC.read(fd, sink);
    }

    /** Closes the descriptor (X thread, at the end). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            LibC.close(fd);
        }
    }
}
