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
    /** {@code SubstructureNotifyMask}: map, unmap, configure, … of the root window's children. */
    public static final long SUBSTRUCTURE_NOTIFY_MASK = 1L << 19;
    /** {@code SubstructureRedirectMask}: only one client, the window manager, may select it on the root. */
    public static final long SUBSTRUCTURE_REDIRECT_MASK = 1L << 20;
    /** {@code CreateNotify} event type. */
    public static final int CREATE_NOTIFY = 16;
    /** {@code DestroyNotify} event type. */
    public static final int DESTROY_NOTIFY = 17;
    /** {@code UnmapNotify} event type. */
    public static final int UNMAP_NOTIFY = 18;
    /** {@code MapNotify} event type. */
    public static final int MAP_NOTIFY = 19;
    /** {@code ReparentNotify} event type. */
    public static final int REPARENT_NOTIFY = 21;
    /** {@code ConfigureNotify} event type. */
    public static final int CONFIGURE_NOTIFY = 22;
    /** {@code CirculateNotify} event type (a child raised to the top or lowered to the bottom). */
    public static final int CIRCULATE_NOTIFY = 26;
    /** Size of {@code XWindowAttributes} on LP64 (136), rounded up. */
    private static final long WINDOW_ATTRIBUTES_BYTES = 160;

    private final MethodHandle openDisplay;
    private final MethodHandle closeDisplay;
    private final MethodHandle defaultScreen;
    private final MethodHandle rootWindow;
    private final MethodHandle defaultVisual;
    private final MethodHandle defaultDepth;
    private final MethodHandle connectionNumber;
    private final MethodHandle pending;
    private final MethodHandle eventsQueued;
    private final MethodHandle nextEvent;
    private final MethodHandle flush;
    private final MethodHandle sync;
    private final MethodHandle free;
    private final MethodHandle getGeometry;
    private final MethodHandle selectInput;
    private final MethodHandle keysymToKeycode;
    private final MethodHandle queryExtension;
    private final MethodHandle queryTree;
    private final MethodHandle getWindowAttributes;

    /**
     * Loads libX11.so.6 and installs a non-fatal error handler ({@link XErrors}) and an I/O-error
     * handler that does not exit the process ({@link XIoErrors}).
     */
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
        eventsQueued = lib.function("XEventsQueued", FunctionDescriptor.of(INT, PTR, INT));
        nextEvent = lib.function("XNextEvent", FunctionDescriptor.of(INT, PTR, PTR));
        flush = lib.function("XFlush", FunctionDescriptor.of(INT, PTR));
        sync = lib.function("XSync", FunctionDescriptor.of(INT, PTR, INT));
        free = lib.function("XFree", FunctionDescriptor.of(INT, PTR));
        getGeometry = lib.function("XGetGeometry",
                FunctionDescriptor.of(INT, PTR, LONG, PTR, PTR, PTR, PTR, PTR, PTR, PTR));
        selectInput = lib.function("XSelectInput", FunctionDescriptor.of(INT, PTR, LONG, LONG));
        keysymToKeycode = lib.function("XKeysymToKeycode", FunctionDescriptor.of(ValueLayout.JAVA_BYTE, PTR, LONG));
        queryExtension = lib.function("XQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR));
        queryTree = lib.function("XQueryTree", FunctionDescriptor.of(INT, PTR, LONG, PTR, PTR, PTR, PTR));
        getWindowAttributes = lib.function("XGetWindowAttributes", FunctionDescriptor.of(INT, PTR, LONG, PTR));
        XErrors.install(lib);
        XIoErrors.install(lib);
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

    /**
     * {@code XEventsQueued(dpy, QueuedAlready)}: the events already in Xlib's queue, without reading
     * the socket (each {@link #pending} that finds nothing costs libxcb two failed {@code recvmsg}).
     */
    public int queued(MemorySegment dpy) {
        try {
            return (int) eventsQueued.invokeExact(dpy, 0);
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

    /**
     * @param window a window
     * @return its children, bottom-most first (a round trip); empty if the window is gone
     */
    public long[] children(MemorySegment dpy, long window) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ids = a.allocate(LONG, 2);
            MemorySegment list = a.allocate(PTR);
            MemorySegment n = a.allocate(INT);
            int ok = (int) queryTree.invokeExact(dpy, window, ids, ids.asSlice(8), list, n);
            MemorySegment p = list.get(CTypes.PTR_TO_ARRAY, 0);
            if (ok == 0) {
                return new long[0];
            }
            int count = n.get(INT, 0);
            long[] out = new long[count];
            if (!p.equals(MemorySegment.NULL)) {
                for (int i = 0; i < count; i++) { // PTR_TO_ARRAY: count window ids, no reinterpret
                    out[i] = p.getAtIndex(LONG, i);
                }
                free(p);
            }
            return out;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * What the window tracker needs of {@code XGetWindowAttributes}.
     *
     * @param x left column of the outer corner, relative to the parent
     * @param y top row of the outer corner
     * @param width inside width
     * @param height inside height
     * @param border border width
     * @param inputOutput class InputOutput (InputOnly windows draw nothing)
     * @param viewable map state IsViewable
     * @param allEventMasks the union of the event masks every client selected on the window (a window
     *     manager shows as {@link #SUBSTRUCTURE_REDIRECT_MASK} on the root)
     */
    public record WindowAttributes(int x, int y, int width, int height, int border, boolean inputOutput,
            boolean viewable, long allEventMasks) {
    }

    /**
     * @param window a window
     * @return its attributes (a round trip), or null if it is gone
     */
    public WindowAttributes windowAttributes(MemorySegment dpy, long window) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(WINDOW_ATTRIBUTES_BYTES, 8);
            long errors = XErrors.count();
            int ok = (int) getWindowAttributes.invokeExact(dpy, window, v);
            if (ok == 0 || XErrors.count() != errors) {
                return null;
            }
            return new WindowAttributes(v.get(INT, 0), v.get(INT, 4), v.get(INT, 8), v.get(INT, 12), v.get(INT, 16),
                    v.get(INT, 40) == 1, v.get(INT, 92) == 2, v.get(LONG, 96));
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
