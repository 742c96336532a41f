package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libXrandr: screen size change notification. Optional (the source also watches ConfigureNotify on
 * the root window). Thread: the connection's owner.
 */
public final class XRandr {
    /** {@code RRScreenChangeNotifyMask}. */
    private static final int SCREEN_CHANGE_NOTIFY_MASK = 1;

    private final MethodHandle selectInput;
    private final MethodHandle updateConfiguration;
    private final int eventBase;

    /**
     * @param dpy the connection
     * @return the bindings, or null if the library or the server's RANDR is missing
     */
    public static XRandr probe(MemorySegment dpy) {
        NativeLibrary lib;
        try {
            lib = new NativeLibrary("libXrandr.so.2", "libxrandr2");
        } catch (RuntimeException e) {
            return null;
        }
        MethodHandle q = lib.function("XRRQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        MethodHandle v = lib.function("XRRQueryVersion", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        int base = ExtensionQuery.eventBase(q, v, dpy, 1);
        return base < 0 ? null : new XRandr(lib, base);
    }

    private XRandr(NativeLibrary lib, int eventBase) {
        this.eventBase = eventBase;
        selectInput = lib.function("XRRSelectInput", FunctionDescriptor.ofVoid(PTR, LONG, INT));
        updateConfiguration = lib.function("XRRUpdateConfiguration", FunctionDescriptor.of(INT, PTR));
    }

    /** @return the RRScreenChangeNotify event type */
    public int screenChangeEvent() {
        return eventBase;
    }

    /** Asks for RRScreenChangeNotify on {@code window}. */
    public void selectScreenChange(MemorySegment dpy, long window) {
        try {
            selectInput.invokeExact(dpy, window, SCREEN_CHANGE_NOTIFY_MASK);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Lets Xlib update its idea of the screen size from a ConfigureNotify or screen change event. */
    public void updateConfiguration(MemorySegment event) {
        try {
            int ignored = (int) updateConfiguration.invokeExact(event);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
