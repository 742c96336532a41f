package org.svp.client;

import java.io.IOException;

/**
 * The server refused our credentials (or asked for some we do not have). The message is one line for
 * the user, e.g. "authentication failed: wrong password", and never holds the password.
 */
public final class AuthenticationException extends IOException {
    /** True when the server said the password was wrong (the viewer then asks again). */
    private final boolean wrongPassword;

    /**
     * @param message for the user
     * @param wrongPassword the server answered BAD_CREDENTIALS
     */
    public AuthenticationException(String message, boolean wrongPassword) {
        super(message);
        this.wrongPassword = wrongPassword;
    }

    /** @return true when the password was wrong (as opposed to rate limited or none given) */
    public boolean wrongPassword() {
        return wrongPassword;
    }
}
