package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.svp.protocol.Rect;

/**
 * libXfixes: regions (where DAMAGE puts what changed) and cursor shapes. Thread: the connection's
 * owner.
 */
public final class XFixes {
    /** {@code XFixesDisplayCursorNotifyMask}. */
    public static final long DISPLAY_CURSOR_NOTIFY_MASK = 1;
    /** Bytes of an {@code XRectangle}: short x, y; unsigned short width, height. */
    private static final long XRECTANGLE_BYTES = 8;

    private final MethodHandle selectCursorInput;
    private final MethodHandle getCursorImage;
    private final MethodHandle createRegion;
    private final MethodHandle destroyRegion;
    private final MethodHandle fetchRegion;
    /** XFixesFetchRegion's count out-parameter; used by the one thread that fetches (svp-x11). */
    private final MemorySegment fetchCount = Arena.ofAuto().allocate(INT);
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
        createRegion = lib.function("XFixesCreateRegion", FunctionDescriptor.of(LONG, PTR, PTR, INT));
        destroyRegion = lib.function("XFixesDestroyRegion", FunctionDescriptor.ofVoid(PTR, LONG));
        fetchRegion = lib.function("XFixesFetchRegion", FunctionDescriptor.of(CTypes.PTR_TO_ARRAY, PTR, LONG, PTR));
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

    /** @return a new empty region */
    public long createRegion(MemorySegment dpy) {
        try {
            return (long) createRegion.invokeExact(dpy, MemorySegment.NULL, 0);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @param region a region to free on the server */
    public void destroyRegion(MemorySegment dpy, long region) {
        try {
            destroyRegion.invokeExact(dpy, region);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * @param region a region
     * @param xlib for XFree
     * @return its rectangles (a round trip)
     */
    public Rect[] fetchRegion(MemorySegment dpy, long region, Xlib xlib) {
        try {
            MemorySegment count = fetchCount; // the X thread's, reused: no arena per capture
            MemorySegment rects = (MemorySegment) fetchRegion.invokeExact(dpy, region, count);
            int n = count.get(INT, 0);
            if (rects.equals(MemorySegment.NULL)) {
                return new Rect[0];
            }
            MemorySegment r = rects; // PTR_TO_ARRAY: n rectangles, no reinterpret
            Rect[] out = new Rect[n];
            for (int i = 0; i < n; i++) {
                long o = i * XRECTANGLE_BYTES;
                out[i] = new Rect(r.get(ValueLayout.JAVA_SHORT, o), r.get(ValueLayout.JAVA_SHORT, o + 2),
                        Short.toUnsignedInt(r.get(ValueLayout.JAVA_SHORT, o + 4)),
                        Short.toUnsignedInt(r.get(ValueLayout.JAVA_SHORT, o + 6)));
            }
            xlib.free(rects);
            return out;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
