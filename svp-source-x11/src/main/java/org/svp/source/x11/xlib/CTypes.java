package org.svp.source.x11.xlib;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.ValueLayout;

/** The C types of the X headers on LP64 Linux (long and XID are 8 bytes). */
final class CTypes {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    static final AddressLayout PTR = ValueLayout.ADDRESS;

    private CTypes() {
    }
}
