package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Xlib's default error handler prints and exits the process; this one counts and logs X protocol
 * errors instead (e.g. an XShmGetImage that races a screen resize), so the source can carry on.
 * Called by Xlib on whichever thread made the failing call.
 */
public final class XErrors {
    private static final Logger LOG = LoggerFactory.getLogger(XErrors.class);
    private static final AtomicLong COUNT = new AtomicLong();
    /** {@code BadWindow}. */
    private static final int BAD_WINDOW = 3;
    /** Core request codes of XGetWindowAttributes and XQueryTree. */
    private static final int X_GET_WINDOW_ATTRIBUTES = 3;
    private static final int X_QUERY_TREE = 15;
    private static volatile boolean installed;

    private XErrors() {
    }

    static synchronized void install(NativeLibrary x11) {
        if (installed) {
            return;
        }
        try {
            MethodHandle target = MethodHandles.lookup().findStatic(XErrors.class, "onError",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            MemorySegment stub = Linker.nativeLinker().upcallStub(target, FunctionDescriptor.of(INT, PTR, PTR),
                    Arena.global());
            MethodHandle set = x11.function("XSetErrorHandler", FunctionDescriptor.of(PTR, PTR));
            MemorySegment ignored = (MemorySegment) set.invokeExact(stub);
            installed = true;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return X protocol errors seen so far in this process */
    public static long count() {
        return COUNT.get();
    }

    @SuppressWarnings("unused") // called from native code
    private static int onError(MemorySegment display, MemorySegment event) {
        MemorySegment e = event.reinterpret(40);
        int code = Byte.toUnsignedInt(e.get(ValueLayout.JAVA_BYTE, 32));
        int request = Byte.toUnsignedInt(e.get(ValueLayout.JAVA_BYTE, 33));
        int minor = Byte.toUnsignedInt(e.get(ValueLayout.JAVA_BYTE, 34));
        long n = COUNT.incrementAndGet();
        if (code == BAD_WINDOW && (request == X_GET_WINDOW_ATTRIBUTES || request == X_QUERY_TREE)) {
            // a window the tracker asked about was destroyed meanwhile: expected, not worth a warning
            LOG.debug("X error {} on request {}.{} (window gone; ignored)", code, request, minor);
        } else if (n <= 20) {
            LOG.warn("X error {} on request {}.{} (ignored)", code, request, minor);
        }
        return 0;
    }
}
