package org.svp.source.vnc.rfb;

import org.svp.protocol.error.UpstreamException;

/** The one-line error for bytes from the upstream that break RFB (a hostile or broken server). */
public final class Malformed {
    private Malformed() {
    }

    /**
     * @param what what was wrong, e.g. "ZRLE tile: palette index 9 of 4"
     * @return "the VNC server sent bad data: " + what
     */
    public static UpstreamException of(String what) {
        return new UpstreamException("the VNC server sent bad data: " + what, null);
    }
}
