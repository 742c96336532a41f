package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * MIT-SHM (in libXext): the X server copies pixels straight into a shared memory segment, no socket
 * transfer. Thread: the connection's owner. See {@link ShmImage} for the segment's life cycle.
 */
public final class XShm {
    /** {@code ZPixmap}. */
    static final int Z_PIXMAP = 2;

    final MethodHandle createImage;
    final MethodHandle attach;
    final MethodHandle detach;
    final MethodHandle getImage;

    /**
     * @param dpy the connection
     * @return the bindings, or null if the server lacks MIT-SHM
     */
    public static XShm probe(MemorySegment dpy) {
        NativeLibrary lib = new NativeLibrary("libXext.so.6", "libxext6");
        MethodHandle q = lib.function("XShmQueryExtension", FunctionDescriptor.of(INT, PTR));
        try {
            if ((int) q.invokeExact(dpy) == 0) {
                return null;
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        return new XShm(lib);
    }

    private XShm(NativeLibrary lib) {
        createImage = lib.function("XShmCreateImage",
                FunctionDescriptor.of(PTR, PTR, PTR, INT, INT, PTR, PTR, INT, INT));
        attach = lib.function("XShmAttach", FunctionDescriptor.of(INT, PTR, PTR));
        detach = lib.function("XShmDetach", FunctionDescriptor.of(INT, PTR, PTR));
        getImage = lib.function("XShmGetImage", FunctionDescriptor.of(INT, PTR, LONG, PTR, INT, INT, LONG));
    }
}
