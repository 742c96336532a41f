package org.svp.client;

import java.io.IOException;

/**
 * Where a client gets the password when, and only when, the server asks for one (its CAPABILITIES list
 * SCRAM-SHA-256): a file's first line ({@code --password-file}), or the viewer's dialog. Called on the
 * thread that runs {@link SvpClient#connect}.
 */
@FunctionalInterface
public interface PasswordSource {
    /** No password: connecting to a server that requires one fails with "requires a password". */
    PasswordSource NONE = () -> null;

    /**
     * @return the password, or null if there is none (the user cancelled)
     * @throws IOException if it cannot be read
     */
    String password() throws IOException;
}
