package org.svp.server.transport;

/** A certificate or key that cannot be used; the message is one line for the user, naming the file. */
public final class TlsSetupException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the problem */
    public TlsSetupException(String message) {
        super(message);
    }
}
