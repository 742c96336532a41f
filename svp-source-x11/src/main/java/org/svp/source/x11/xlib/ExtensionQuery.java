package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Calls an extension's {@code XxxQueryExtension(dpy, int*, int*)} and {@code XxxQueryVersion(dpy,
 * int*, int*)} (the server requires the version hand-shake before the first request) and keeps its
 * event base. Thread: the connection's owner.
 */
final class ExtensionQuery {
    private ExtensionQuery() {
    }

    /**
     * @param query {@code Bool XxxQueryExtension(Display*, int* event_base, int* error_base)}
     * @param version {@code Status XxxQueryVersion(Display*, int* major, int* minor)}, or null
     * @param major the version this client speaks (in/out for XFixes and DAMAGE)
     * @return the event base, or -1 if the server lacks the extension
     */
    static int eventBase(MethodHandle query, MethodHandle version, MemorySegment dpy, int major) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(INT, 2);
            if ((int) query.invokeExact(dpy, v, v.asSlice(4)) == 0) {
                return -1;
            }
            int base = v.getAtIndex(INT, 0);
            if (version != null) {
                v.setAtIndex(INT, 0, major);
                v.setAtIndex(INT, 1, 0);
                int ignored = (int) version.invokeExact(dpy, v, v.asSlice(4));
            }
            return base;
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
