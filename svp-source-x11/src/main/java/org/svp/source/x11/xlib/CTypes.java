package org.svp.source.x11.xlib;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;

/** The C types of the X headers on LP64 Linux (long and XID are 8 bytes). */
final class CTypes {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    static final AddressLayout PTR = ValueLayout.ADDRESS;
    /**
     * A pointer to memory Xlib allocated, of a size only a count beside it tells (XFixesFetchRegion's
     * rectangles, XQueryTree's children): readable without {@code reinterpret}, which is a restricted
     * method and walks the caller's stack to check native access on every call (a few microseconds under
     * C1, once per capture). Reads stay bounded by the count the callers check.
     */
    static final AddressLayout PTR_TO_ARRAY = ValueLayout.ADDRESS.withTargetLayout(
            MemoryLayout.sequenceLayout(Long.MAX_VALUE, ValueLayout.JAVA_BYTE));

    private CTypes() {
    }
}
