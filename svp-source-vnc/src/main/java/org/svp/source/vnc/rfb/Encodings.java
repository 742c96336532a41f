package org.svp.source.vnc.rfb;

import java.util.ArrayList;
import java.util.List;

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

    /** The pixel encodings this client decodes, most preferred first (CopyRect is always added). */
    public static final int[] PIXEL = {ZRLE, TIGHT, HEXTILE, RAW};

    /**
     * What SetEncodings announces, most preferred first. No JPEG quality or compression-level
     * pseudo-encoding: without one a Tight server never sends JPEG, so every picture stays lossless.
     *
     * @param pixel the pixel encodings to offer ({@link #PIXEL}, or one of them to test its decoder)
     * @param qemuKeys whether to offer QEMU's Extended Key Event (off: keys always go as keysyms)
     * @return the encoding numbers
     */
    public static int[] requested(int[] pixel, boolean qemuKeys) {
        List<Integer> all = new ArrayList<>();
        for (int e : pixel) {
            all.add(e);
        }
        all.addAll(List.of(COPY_RECT, DESKTOP_SIZE, EXTENDED_DESKTOP_SIZE, CURSOR, LAST_RECT));
        if (qemuKeys) {
            all.add(QEMU_EXTENDED_KEY_EVENT);
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private Encodings() {
    }
}
