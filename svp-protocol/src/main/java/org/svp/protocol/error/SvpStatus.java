package org.svp.protocol.error;

/**
 * What went wrong, independent of who noticed. The single place that says how serious each status is
 * (used for the log level and for whether only one connection or the whole session ends).
 */
public enum SvpStatus {
    /** The header magic is not 0x7F5A. */
    BAD_MAGIC(true),
    /** The header size is negative or above the receiver's limit. */
    BAD_LENGTH(true),
    /** The id is not a v1 message, or is reserved. */
    UNKNOWN_COMMAND(true),
    /** The body is shorter or longer than the message's layout. */
    BAD_BODY_SIZE(false),
    /** A field holds a value the spec forbids (count too large, glyph past the end, …). */
    BAD_FIELD(false),
    /** A message arrived on a channel or in a state where it is not allowed. */
    UNEXPECTED_MESSAGE(false),
    /** A compressed bitmap does not decode to its declared size. */
    BAD_BITMAP(false),
    /** A display source (demo, X11, VNC, VRDE) failed. */
    UPSTREAM_FAILED(true),
    /** Our own fault or exhausted resources. */
    INTERNAL(true);

    private final boolean framingLost;

    SvpStatus(boolean framingLost) {
        this.framingLost = framingLost;
    }

    /**
     * @return true when the byte stream can no longer be trusted (the connection must close); false
     *     when the bad message was framed correctly and can be skipped
     */
    public boolean framingLost() {
        return framingLost;
    }
}
