package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * libXdamage: the server reports which parts of a drawable changed. The source creates one damage
 * object on the root window at level {@link #REPORT_NON_EMPTY} (one event when damage appears), and
 * when it captures, moves the accumulated region into an XFixes region with {@link #subtract}.
 * Thread: the connection's owner.
 */
public final class XDamage {
    /** {@code XDamageReportNonEmpty}: one DamageNotify each time the damage goes from empty to not. */
    public static final int REPORT_NON_EMPTY = 3;

    private final MethodHandle create;
    private final MethodHandle subtract;
    private final MethodHandle destroy;
    private final int eventBase;

    /**
     * @param dpy the connection
     * @return the bindings, or null if the server lacks DAMAGE
     */
    public static XDamage probe(MemorySegment dpy) {
        NativeLibrary lib = new NativeLibrary("libXdamage.so.1", "libxdamage1");
        MethodHandle q = lib.function("XDamageQueryExtension", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        MethodHandle v = lib.function("XDamageQueryVersion", FunctionDescriptor.of(INT, PTR, PTR, PTR));
        int base = ExtensionQuery.eventBase(q, v, dpy, 1);
        return base < 0 ? null : new XDamage(lib, base);
    }

    private XDamage(NativeLibrary lib, int eventBase) {
        this.eventBase = eventBase;
        create = lib.function("XDamageCreate", FunctionDescriptor.of(LONG, PTR, LONG, INT));
        subtract = lib.function("XDamageSubtract", FunctionDescriptor.ofVoid(PTR, LONG, LONG, LONG));
        destroy = lib.function("XDamageDestroy", FunctionDescriptor.ofVoid(PTR, LONG));
    }

    /** @return the DamageNotify event type */
    public int notifyEvent() {
        return eventBase;
    }

    /** @return a damage object on {@code drawable} */
    public long create(MemorySegment dpy, long drawable, int level) {
        try {
            return (long) create.invokeExact(dpy, drawable, level);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /**
     * Empties the damage and stores what it held in {@code parts} (an XFixes region).
     *
     * @param damage the damage object
     * @param parts receives the damaged region
     */
    public void subtract(MemorySegment dpy, long damage, long parts) {
        try {
            subtract.invokeExact(dpy, damage, 0L, parts);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }

    /** @param damage a damage object to destroy */
    public void destroy(MemorySegment dpy, long damage) {
        try {
            destroy.invokeExact(dpy, damage);
        } catch (Throwable t) {
            throw NativeLibrary.rethrow(t);
        }
    }
}
