package org.svp.cli;

import java.io.PrintWriter;
import org.svp.client.tls.ClientTransport;
import org.svp.client.tls.KnownServers;
import picocli.CommandLine.Option;

/**
 * {@code --no-tls} on the client commands (snapshot, type, view): without it every channel uses TLS and
 * the server's certificate is pinned on first use in {@code ~/.config/svp/known-servers}. A picocli mixin.
 */
final class ClientTls {
    @Option(names = "--no-tls", description = "Connect in plain text (v1 servers, servers run with --no-tls);"
            + " default: TLS on every channel, the server's certificate pinned on first use in ~/.config/svp/known-servers.")
    boolean noTls;

    /**
     * @param err where the first-use and fallback notices go ("svp: …" lines)
     * @return the transport the command connects with
     */
    ClientTransport transport(PrintWriter err) {
        if (noTls) {
            return ClientTransport.plain();
        }
        return ClientTransport.tls(KnownServers.forUser(), line -> {
            err.println("svp: " + line);
            err.flush();
        });
    }
}
