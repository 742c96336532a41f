package org.svp.source.vnc.rfb;

/** RFB encoding numbers (RFC 6143 §7.7 and the registered pseudo-encodings) this client asks for. */
public final class Encodings {
    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int HEXTILE = 5;
    public static final int TIGHT = 7;
    public static final int ZRLE = 16;
    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int CURSOR = -239;
    public static final int QEMU_EXTENDED_KEY_EVENT = -258;
    public static final int EXTENDED_DESKTOP_SIZE = -308;

    /**
     * What SetEncodings announces, most preferred first. No JPEG quality or compression-level
     * pseudo-encoding: without one a Tight server never sends JPEG, so every picture stays lossless.
     */
    public static final int[] REQUESTED = {
        ZRLE, TIGHT, HEXTILE, COPY_RECT, RAW,
        DESKTOP_SIZE, EXTENDED_DESKTOP_SIZE, CURSOR, QEMU_EXTENDED_KEY_EVENT, LAST_RECT,
    };

    private Encodings() {
    }
}
