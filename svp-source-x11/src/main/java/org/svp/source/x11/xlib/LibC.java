package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The libc calls the X11 source needs: System V shared memory for MIT-SHM, and {@code poll} /
 * {@code eventfd} for the X thread's wait. Stateless; any thread.
 */
public final class LibC {
    /** {@code IPC_PRIVATE}. */
    static final int IPC_PRIVATE = 0;
    /** {@code IPC_CREAT | 0600}. */
    static final int IPC_CREAT_0600 = 01000 | 0600;
    /** {@code IPC_RMID}: destroy once the last process detaches. */
    static final int IPC_RMID = 0;
    /** {@code EFD_NONBLOCK | EFD_CLOEXEC}. */
    private static final int EFD_FLAGS = 0x800 | 0x80000;

    private static final SymbolLookup C = NativeLibrary.libc();
    private static final MethodHandle SHMGET = fn("shmget", FunctionDescriptor.of(INT, INT, LONG, INT));
    private static final MethodHandle SHMAT = fn("shmat", FunctionDescriptor.of(PTR, INT, PTR, INT));
    private static final MethodHandle SHMDT = fn("shmdt", FunctionDescriptor.of(INT, PTR));
    private static final MethodHandle SHMCTL = fn("shmctl", FunctionDescriptor.of(INT, INT, INT, PTR));
    private static final MethodHandle POLL = fn("poll", FunctionDescriptor.of(INT, PTR, LONG, INT));
    private static final MethodHandle EVENTFD = fn("eventfd", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle READ = fn("read", FunctionDescriptor.of(LONG, INT, PTR, LONG));
    private static final MethodHandle WRITE = fn("write", FunctionDescriptor.of(LONG, INT, PTR, LONG));
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(INT, INT));

    private LibC() {
    }

    private static MethodHandle fn(String name, FunctionDescriptor d) {
        return NativeLibrary.downcall(C, "libc", name, d);
    }

    static int shmget(long size) {
        try {
            return (int) SHMGET.invokeExact(IPC_PRIVATE, size, IPC_CREAT_0600);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    static MemorySegment shmat(int id) {
        try {
            return (MemorySegment) SHMAT.invokeExact(id, MemorySegment.NULL, 0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    static void shmdt(MemorySegment address) {
        try {
            int ignored = (int) SHMDT.invokeExact(address);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    static void shmRemove(int id) {
        try {
            int ignored = (int) SHMCTL.invokeExact(id, IPC_RMID, MemorySegment.NULL);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * @param fds {@code struct pollfd[]} (8 bytes each)
     * @param count entries
     * @param timeoutMs -1 waits forever
     * @return ready descriptors, 0 on timeout, -1 on error (EINTR)
     */
    public static int poll(MemorySegment fds, int count, int timeoutMs) {
        try {
            return (int) POLL.invokeExact(fds, (long) count, timeoutMs);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return a new non-blocking eventfd */
    public static int eventfd() {
        try {
            return (int) EVENTFD.invokeExact(0, EFD_FLAGS);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Reads up to 8 bytes (clears an eventfd). */
    public static long read(int fd, MemorySegment buffer) {
        try {
            return (long) READ.invokeExact(fd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Writes {@code buffer} (an 8-byte counter increment for an eventfd). */
    public static long write(int fd, MemorySegment buffer) {
        try {
            return (long) WRITE.invokeExact(fd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Closes a descriptor. */
    public static void close(int fd) {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
