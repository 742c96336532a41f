package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a lost X connection from ending the process. Xlib calls its I/O-error handler when the
 * connection breaks (the X server exited or was killed) and then, by default, {@code exit(1)}.
 * With libX11 ≥ 1.7, {@code XSetIOErrorExitHandler} replaces that exit per display: our exit handler
 * only marks the {@link XConnection} lost and returns; Xlib then returns to its caller with the display
 * in an error state, and the X thread sees {@link XConnection#lost()} and stops. With an older libX11
 * (no exit handler) there is no way back into Java without exiting: the I/O-error handler reports the
 * loss ({@link XConnection#onLostWithoutReturn}) and then parks the X thread for good (the thread and
 * the display leak; the process lives). Called by Xlib on the thread that owns the display.
 */
public final class XIoErrors {
    private static final Logger LOG = LoggerFactory.getLogger(XIoErrors.class);
    private static final Map<Long, XConnection> CONNECTIONS = new ConcurrentHashMap<>();
    private static MethodHandle setExitHandler;
    private static MemorySegment exitStub;
    private static boolean installed;

    private XIoErrors() {
    }

    static synchronized void install(NativeLibrary x11) {
        if (installed) {
            return;
        }
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            MemorySegment ioStub = Linker.nativeLinker().upcallStub(
                    l.findStatic(XIoErrors.class, "onIoError", MethodType.methodType(int.class, MemorySegment.class)),
                    FunctionDescriptor.of(INT, PTR), Arena.global());
            MethodHandle setHandler = x11.function("XSetIOErrorHandler", FunctionDescriptor.of(PTR, PTR));
            MemorySegment ignored = (MemorySegment) setHandler.invokeExact(ioStub);
            setExitHandler = x11.optionalFunction("XSetIOErrorExitHandler", FunctionDescriptor.ofVoid(PTR, PTR, PTR));
            if (setExitHandler != null) {
                exitStub = Linker.nativeLinker().upcallStub(l.findStatic(XIoErrors.class, "onExit",
                        MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                        FunctionDescriptor.ofVoid(PTR, PTR), Arena.global());
            } else {
                LOG.warn("libX11 has no XSetIOErrorExitHandler (older than 1.7): losing an X display will park the X"
                        + " thread for good instead of stopping it cleanly");
            }
            installed = true;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return whether this libX11 lets a lost connection return to the caller (≥ 1.7) */
    public static synchronized boolean exitHandlerAvailable() {
        return setExitHandler != null;
    }

    /** Watches a newly opened display; the owning thread. */
    static synchronized void register(XConnection c) {
        CONNECTIONS.put(c.display().address(), c);
        if (setExitHandler != null) {
            try {
                setExitHandler.invokeExact(c.display(), exitStub, MemorySegment.NULL);
            } catch (Throwable t) {
                throw NativeLibrary.rethrow(t);
            }
        }
    }

    /** Stops watching a display that is being closed. */
    static void unregister(XConnection c) {
        CONNECTIONS.remove(c.display().address(), c);
    }

    /** Stops watching a display whose connection object could not be built. */
    static void unregisterDisplay(MemorySegment display) {
        CONNECTIONS.remove(display.address());
    }

    @SuppressWarnings("unused") // called from native code
    private static int onIoError(MemorySegment display) {
        XConnection c = CONNECTIONS.get(display.address());
        if (c != null) {
            c.markLost();
        }
        LOG.debug("X connection {} broke", c != null ? c.name() : display);
        if (setExitHandler == null) {
            if (c != null) {
                c.onLostWithoutReturn();
            }
            while (true) { // returning would let Xlib exit the process
                LockSupport.park();
                Thread.interrupted();
            }
        }
        return 0;
    }

    @SuppressWarnings("unused") // called from native code
    private static void onExit(MemorySegment display, MemorySegment userData) {
        XConnection c = CONNECTIONS.get(display.address());
        if (c != null) {
            c.markLost();
        }
    }
}
