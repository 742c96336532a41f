package org.svp.protocol.auth;

/**
 * One secret a server accepts, as derived keys only (never the secret itself).
 *
 * @param name what it is, for log lines: "control password", "view-only password", "ticket <id>"
 * @param role the role it grants (SESSION role: 0 VIEW, 1 CONTROL)
 * @param keys StoredKey and ServerKey under the server's salt and iteration count
 * @param ticketId the ticket's id if this is a one-time ticket, else null
 */
public record ScramCredential(String name, int role, Scram.Keys keys, String ticketId) {
}
