package org.svp.source.x11.xlib;

import static org.svp.source.x11.xlib.CTypes.INT;
import static org.svp.source.x11.xlib.CTypes.LONG;
import static org.svp.source.x11.xlib.CTypes.PTR;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.svp.protocol.Rect;

/**
 * libXdamage: the server reports which parts of a drawable changed. The source creates one damage
 * object on the root window at level {@link #REPORT_DELTA_RECTANGLES}: each DamageNotify carries a
 * rectangle of damage that was not yet in the object's region ({@link #area}), so the events alone say
 * what changed and a capture only empties the region ({@link #clear}, a request without a reply)
 * instead of fetching it (a round trip per capture). Nothing is lost: damage inside the region was
 * reported by an earlier event since the last clear, and damage after the clear is new again.
 * Thread: the connection's owner.
 */
public final class XDamage {
    /** {@code XDamageReportNonEmpty}: one DamageNotify each time the damage goes from empty to not. */
    public static final int REPORT_NON_EMPTY = 3;
    /** {@code XDamageReportDeltaRectangles}: one DamageNotify per rectangle added to the damage region. */
    public static final int REPORT_DELTA_RECTANGLES = 1;
    /** Offset of {@code area} (an XRectangle: x, y as shorts, width, height as unsigned shorts) in XDamageNotifyEvent. */
    private static final long AREA = 64;

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

    /**
     * Empties the damage (XDamageSubtract with repair and parts None): no reply, no round trip.
     *
     * @param damage the damage object
     */
    public void clear(MemorySegment dpy, long damage) {
        subtract(dpy, damage, 0L);
    }

    /**
     * @param event a DamageNotify as XNextEvent stored it
     * @return its {@code area}: the damage it reports, in root coordinates (the object is on the root)
     */
    public static Rect area(MemorySegment event) {
        return new Rect(event.get(ValueLayout.JAVA_SHORT, AREA), event.get(ValueLayout.JAVA_SHORT, AREA + 2),
                Short.toUnsignedInt(event.get(ValueLayout.JAVA_SHORT, AREA + 4)),
                Short.toUnsignedInt(event.get(ValueLayout.JAVA_SHORT, AREA + 6)));
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
