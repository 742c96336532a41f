package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libX11: the calls the X11 source needs, as typed methods over {@code MethodHandle}s. Every method
 * takes the {@code Display*} it works on. Not thread-safe (Xlib without XInitThreads): only the
 * thread that owns a connection calls these for it.
 */
public final class Xlib {
    /** Size of the {@code XEvent} union on LP64 (24 longs). */
    public static final long EVENT_BYTES = 192;
    /** {@code StructureNotifyMask}: ConfigureNotify on the root window when the screen changes size. */
    public static final long STRUCTURE_NOTIFY_MASK = 1L << 17;
    /** {@code ConfigureNotify} event type. */
    public static final int CONFIGURE_NOTIFY = 22;

    private final MethodHandle openDisplay;
    private final MethodHandle closeDisplay;
    private final MethodHandle defaultScreen;
    private final MethodHandle rootWindow;
    private final MethodHandle defaultVisual;
    private final MethodHandle defaultDepth;
    private final MethodHandle connectionNumber;
    private final MethodHandle pending;
    private final MethodHandle nextEvent;
    private final MethodHandle flush;
    private final MethodHandle sync;
    private final MethodHandle free;
    private final MethodHandle getGeometry;
    private final MethodHandle selectInput;
    private final MethodHandle keysymToKeycode;
    private final MethodHandle queryExtension;

    /** Loads libX11.so.6 and installs a non-fatal error handler ({@link XErrors}). */
    public Xlib() {
        NativeLibrary lib = new NativeLibrary("libX11.so.6", "libx11-6");
        openDisplay = lib.function("XOpenDisplay", FunctionDescriptor.of(PTR, PTR));
        closeDisplay = lib.function("XCloseDisplay", FunctionDescriptor.of(INT, PTR));
        defaultScreen = lib.function("XDefaultScreen", FunctionDescriptor.of(INT, PTR));
        rootWindow = lib.function("XRootWindow", FunctionDescriptor.of(LONG, PTR, INT));
        defaultVisual = lib.function("XDefaultVisual", FunctionDescriptor.of(PTR, PTR, INT));
        defaultDepth = lib.function("XDefaultDepth", FunctionDescriptor.of(INT, PTR, INT));
        connectionNumber = lib.function("XConnectionNumber", FunctionDescriptor.of(INT, PTR));
        pending = lib.function("XPending", FunctionDescriptor.of(INT, PTR));
        nextEvent = lib.function("XNextEvent", FunctionDescriptor.of(INT, PTR, PTR));
        flush = lib.function("XFlush", FunctionDescriptor.of(INT, PTR));
        sync = lib.function("XSync", FunctionDescriptor.of(INT, PTR, INT));
        free = lib.function("XFree", FunctionDescriptor.of(INT, PTR));
        getGeometry = lib.function("XGetGeometry",
                FunctionDescriptor.of(INT, PTR, LONG, PTR, PTR, PTR, PTR, PTR, PTR, PTR));
        selectInput = lib.function("XSelectInput", FunctionDescriptor.of(INT, PTR, LONG, LONG));
        keysymToKeycode = lib.function("XKeysymToKeycode", FunctionDescriptor.of(ValueLayout.JAVA_BYTE, PTR, LONG));
        queryExtension = lib.function("XQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR));
        XErrors.install(lib);
    }

    /**
     * @param name a display name such as ":1" or "localhost:1"
     * @return the {@code Display*}, or {@link MemorySegment#NULL} if it cannot be opened
     */
    public MemorySegment openDisplay(String name) {
        try (Arena a = Arena.ofConfined()) {
            return (MemorySegment) openDisplay.invokeExact(a.allocateFrom(name));
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @param dpy a display to close */
    public void closeDisplay(MemorySegment dpy) {
        try {
            int ignored = (int) closeDisplay.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the default screen number */
    public int defaultScreen(MemorySegment dpy) {
        try {
            return (int) defaultScreen.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the root window of {@code screen} */
    public long rootWindow(MemorySegment dpy, int screen) {
        try {
            return (long) rootWindow.invokeExact(dpy, screen);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the default {@code Visual*} of {@code screen} */
    public MemorySegment defaultVisual(MemorySegment dpy, int screen) {
        try {
            return (MemorySegment) defaultVisual.invokeExact(dpy, screen);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the root window's depth */
    public int defaultDepth(MemorySegment dpy, int screen) {
        try {
            return (int) defaultDepth.invokeExact(dpy, screen);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the connection's socket file descriptor (for poll) */
    public int connectionNumber(MemorySegment dpy) {
        try {
            return (int) connectionNumber.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Flushes, reads what the socket holds, and returns the number of queued events. */
    public int pending(MemorySegment dpy) {
        try {
            return (int) pending.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @param event {@link #EVENT_BYTES} bytes that receive the next event (blocks if none is queued) */
    public void nextEvent(MemorySegment dpy, MemorySegment event) {
        try {
            int ignored = (int) nextEvent.invokeExact(dpy, event);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Sends buffered requests. */
    public void flush(MemorySegment dpy) {
        try {
            int ignored = (int) flush.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Sends buffered requests and waits until the server has processed them. */
    public void sync(MemorySegment dpy) {
        try {
            int ignored = (int) sync.invokeExact(dpy, 0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @param p memory Xlib allocated for us (XFree) */
    public void free(MemorySegment p) {
        try {
            int ignored = (int) free.invokeExact(p);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * @param drawable a window
     * @return {width, height, depth} (a round trip)
     */
    public int[] geometry(MemorySegment dpy, long drawable) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment root = a.allocate(LONG);
            MemorySegment v = a.allocate(INT, 6);
            int ok = (int) getGeometry.invokeExact(dpy, drawable, root, v, v.asSlice(4), v.asSlice(8), v.asSlice(12),
                    v.asSlice(16), v.asSlice(20));
            if (ok == 0) {
                throw new IllegalStateException("XGetGeometry failed");
            }
            return new int[] {v.getAtIndex(INT, 2), v.getAtIndex(INT, 3), v.getAtIndex(INT, 5)};
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Selects core events (e.g. {@link #STRUCTURE_NOTIFY_MASK}) on a window. */
    public void selectInput(MemorySegment dpy, long window, long mask) {
        try {
            int ignored = (int) selectInput.invokeExact(dpy, window, mask);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @return the keycode the server's keymap gives {@code keysym}, 0 if none */
    public int keysymToKeycode(MemorySegment dpy, long keysym) {
        try {
            return Byte.toUnsignedInt((byte) keysymToKeycode.invokeExact(dpy, keysym));
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * @param name an extension's protocol name, e.g. "DAMAGE"
     * @return whether the server has it
     */
    public boolean hasExtension(MemorySegment dpy, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(INT, 3);
            return (int) queryExtension.invokeExact(dpy, a.allocateFrom(name), v, v.asSlice(4), v.asSlice(8)) != 0;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
