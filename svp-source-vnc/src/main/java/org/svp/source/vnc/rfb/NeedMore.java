package org.svp.source.vnc.rfb;

/**
 * Thrown by {@link RfbIn} when the bytes received so far end inside a unit (a message header, a
 * rectangle, a Hextile tile): the caller rewinds to the unit's start and waits for more. One shared
 * instance without a stack trace, since it is control flow on the hot path.
 */
public final class NeedMore extends RuntimeException {
    /** The instance. */
    public static final NeedMore INSTANCE = new NeedMore();

    private NeedMore() {
        super("need more bytes", null, false, false);
    }
}
