package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** libXtst: synthetic keyboard and pointer events. Thread: the connection's owner. */
public final class XTest {
    private final MethodHandle key;
    private final MethodHandle button;
    private final MethodHandle motion;

    /**
     * @param dpy the connection
     * @return the bindings, or null if the server lacks XTEST
     */
    public static XTest probe(MemorySegment dpy) {
        NativeLibrary lib = new NativeLibrary("libXtst.so.6", "libxtst6");
        MethodHandle q = lib.function("XTestQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR, PTR, PTR));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(INT, 4);
            if ((int) q.invokeExact(dpy, v, v.asSlice(4), v.asSlice(8), v.asSlice(12)) == 0) {
                return null;
            }
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
        return new XTest(lib);
    }

    private XTest(NativeLibrary lib) {
        key = lib.function("XTestFakeKeyEvent", FunctionDescriptor.of(INT, PTR, INT, INT, LONG));
        button = lib.function("XTestFakeButtonEvent", FunctionDescriptor.of(INT, PTR, INT, INT, LONG));
        motion = lib.function("XTestFakeMotionEvent", FunctionDescriptor.of(INT, PTR, INT, INT, INT, LONG));
    }

    /** Presses or releases an X keycode. */
    public void key(MemorySegment dpy, int keycode, boolean down) {
        try {
            int ignored = (int) key.invokeExact(dpy, keycode, down ? 1 : 0, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Presses or releases X button 1..5 (4/5 are the wheel). */
    public void button(MemorySegment dpy, int xButton, boolean down) {
        try {
            int ignored = (int) button.invokeExact(dpy, xButton, down ? 1 : 0, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** Moves the pointer to an absolute position on the default screen. */
    public void motion(MemorySegment dpy, int x, int y) {
        try {
            int ignored = (int) motion.invokeExact(dpy, -1, x, y, 0L);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
