package org.svp.server;

import org.svp.server.auth.ServerCredentials;

/**
 * Who the server serves and how (docs/security.md): v1 clients at all, several controlling sessions,
 * and the secrets a v2 session must prove it knows.
 *
 * @param allowV1 serve v1 clients (no token, no authentication): {@code --allow-v1}
 * @param shared every CONTROL session sends input, not only the first: {@code --shared}
 * @param credentials the passwords and tickets; {@link ServerCredentials#none()} for no authentication
 */
public record ServerSecurity(boolean allowV1, boolean shared, ServerCredentials credentials) {

    /**
     * What {@link ServerConfig#of} uses: v1 allowed, no authentication, one controller. For tests and
     * embedding on loopback; the {@code svp server} command builds its own, which refuses v1 clients
     * unless {@code --allow-v1}.
     *
     * @return the permissive settings
     */
    public static ServerSecurity permissive() {
        return new ServerSecurity(true, false, ServerCredentials.none());
    }
}
