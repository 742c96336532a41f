package org.svp.source.vrde.ring;

/** The ring's header or a record header is not what docs/vrde.md says (a bug in the module, or not a ring). */
public final class RingFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, with the offending values */
    public RingFormatException(String message) {
        super(message);
    }
}
