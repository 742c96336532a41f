package org.svp.source;

/**
 * What the server knows about who a session is, handed to {@link SessionObserver#authorize}. With
 * SCRAM the server never sees the password (only proof that the client knows one of its secrets), so
 * {@code password} is always empty; {@code user} names the secret's role.
 *
 * @param user "control" or "view" for a SCRAM-authenticated v2 session, "" for a session without
 *     authentication (v1, or a server without passwords)
 * @param password always "" (see above)
 * @param control true if the session may control (its role is CONTROL)
 * @param authenticated true if the session proved a secret (SCRAM)
 */
public record ClientLogin(String user, String password, boolean control, boolean authenticated) {
    /** A session without authentication (v1 client, or no password set): CONTROL role. */
    public static final ClientLogin ANONYMOUS = new ClientLogin("", "", true, false);
}
