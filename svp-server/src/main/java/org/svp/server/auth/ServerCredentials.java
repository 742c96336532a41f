package org.svp.server.auth;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramCredential;
import org.svp.protocol.message.SessionToken;

/**
 * Every secret a server accepts, as SCRAM keys under one {@link ScramParameters}: the control
 * password, the view-only password and (read fresh on each attempt) the unexpired tickets of the
 * state directory. The passwords themselves are dropped once derived. Authentication is required when
 * a password is set; tickets alone are extra secrets of such a server. Immutable; tickets are read on
 * the I/O thread.
 */
public final class ServerCredentials {
    private final ScramParameters parameters;
    private final List<ScramCredential> passwords;
    private final TicketStore tickets;

    private ServerCredentials(ScramParameters parameters, List<ScramCredential> passwords, TicketStore tickets) {
        this.parameters = parameters;
        this.passwords = List.copyOf(passwords);
        this.tickets = tickets;
    }

    /** @return a server without authentication (every v2 session is CONTROL) */
    public static ServerCredentials none() {
        return new ServerCredentials(ScramParameters.random(), List.of(), null);
    }

    /**
     * @param parameters the salt and iteration count of this server start
     * @param controlPassword the control password, or null
     * @param viewPassword the view-only password, or null
     * @param tickets the state directory's tickets, or null
     * @return the credentials
     */
    public static ServerCredentials of(ScramParameters parameters, String controlPassword, String viewPassword,
                                       TicketStore tickets) {
        List<ScramCredential> list = new ArrayList<>();
        if (controlPassword != null) {
            list.add(derive("control password", SessionToken.ROLE_CONTROL, controlPassword, parameters));
        }
        if (viewPassword != null) {
            list.add(derive("view-only password", SessionToken.ROLE_VIEW, viewPassword, parameters));
        }
        return new ServerCredentials(parameters, list, tickets);
    }

    private static ScramCredential derive(String name, int role, String secret, ScramParameters p) {
        return new ScramCredential(name, role, Scram.keys(Scram.saltedPassword(secret, p.salt(), p.iterations())), null);
    }

    /** @return true if clients must authenticate */
    public boolean required() {
        return !passwords.isEmpty();
    }

    /** @return the salt and iteration count */
    public ScramParameters parameters() {
        return parameters;
    }

    /**
     * @param nowMillis the current time
     * @return the passwords and the unexpired tickets
     */
    public List<ScramCredential> current(long nowMillis) {
        if (tickets == null) {
            return passwords;
        }
        List<ScramCredential> all = new ArrayList<>(passwords);
        all.addAll(tickets.credentials(parameters, nowMillis));
        return all;
    }

    /**
     * Uses up a ticket that just matched.
     *
     * @param c the matched credential
     * @return false if it was a ticket another connection used first
     */
    public boolean consume(ScramCredential c) {
        return c.ticketId() == null || tickets == null || tickets.consume(c.ticketId());
    }
}
