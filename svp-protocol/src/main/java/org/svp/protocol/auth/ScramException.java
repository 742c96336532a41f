package org.svp.protocol.auth;

/** A SCRAM message that cannot be used; the text is for the user and never holds a secret. */
public final class ScramException extends RuntimeException {
    /** @param message what was wrong */
    public ScramException(String message) {
        super(message);
    }
}
