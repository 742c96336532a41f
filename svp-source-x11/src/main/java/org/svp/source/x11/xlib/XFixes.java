package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libXfixes: cursor shapes and their change events. Thread: the connection's
 * owner.
 */
public final class XFixes {
    /** {@code XFixesDisplayCursorNotifyMask}. */
    public static final long DISPLAY_CURSOR_NOTIFY_MASK = 1;

    private final MethodHandle selectCursorInput;
    private final MethodHandle getCursorImage;
    private final int eventBase;

    /**
     * @param dpy the connection
     * @return the bindings, or null if the server lacks XFIXES
     */
    public static XFixes probe(MemorySegment dpy) {
        NativeLibrary lib = new NativeLibrary("libXfixes.so.3", "libxfixes3");
        MethodHandle q = lib.function("XFixesQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        MethodHandle v = lib.function("XFixesQueryVersion", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        int base = ExtensionQuery.eventBase(q, v, dpy, 5);
        return base < 0 ? null : new XFixes(lib, base);
    }

    private XFixes(NativeLibrary lib, int eventBase) {
        this.eventBase = eventBase;
        selectCursorInput = lib.function("XFixesSelectCursorInput", FunctionDescriptor.ofVoid(PTR, LONG, LONG));
        getCursorImage = lib.function("XFixesGetCursorImage", FunctionDescriptor.of(PTR, PTR));
    }

    /** @return the XFixesCursorNotify event type */
    public int cursorNotifyEvent() {
        return eventBase + 1;
    }

    /** Asks for an event whenever the displayed cursor changes. */
    public void selectCursorInput(MemorySegment dpy, long window) {
        try {
            selectCursorInput.invokeExact(dpy, window, DISPLAY_CURSOR_NOTIFY_MASK);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * @return the current cursor as an {@code XFixesCursorImage*} (free with XFree), or NULL
     * @see CursorImage
     */
    public MemorySegment getCursorImage(MemorySegment dpy) {
        try {
            return (MemorySegment) getCursorImage.invokeExact(dpy);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
