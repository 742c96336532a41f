package org.svp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.svp.server.ServerSecurity;
import org.svp.server.auth.ScramParameters;
import org.svp.server.auth.ServerCredentials;
import org.svp.server.auth.TicketStore;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The server's security settings from the command line (docs/security.md): passwords, tickets,
 * {@code --allow-v1}, {@code --shared}, and the refusal to serve a non-loopback address without a
 * password unless {@code --insecure-no-auth}. {@code svp demo} allows v1 clients by default (a
 * loopback demo with nothing secret) unless a password is set; {@code svp server} needs
 * {@code --allow-v1}. v1 clients cannot authenticate, so {@code --allow-v1} with a password is refused.
 * The VirtualBox source is exempt from the loopback rule: VirtualBox decides who may connect (its
 * VRDE address and VRDEAuthType; every session goes through its ClientLogon).
 */
final class ServeSecurity {
    /**
     * @param security the server's settings
     * @param notes lines to print before "ready" (e.g. that v1 clients are allowed)
     */
    record Result(ServerSecurity security, List<String> notes) {
    }

    private ServeSecurity() {
    }

    static Result build(CommandLine cmd, ServeOptions o, boolean demo) {
        String control = PasswordFiles.read(cmd, "--password-file", o.passwordFile);
        String view = PasswordFiles.read(cmd, "--view-password-file", o.viewPasswordFile);
        boolean password = control != null || view != null;
        if (o.allowV1 && password) {
            throw new ParameterException(cmd, "--allow-v1 cannot be combined with a password: v1 clients cannot"
                    + " authenticate and would bypass it");
        }
        boolean vrde = o.source.startsWith("vrde:");
        if (!password && !o.insecureNoAuth && !vrde && !isLoopback(o.bind)) {
            throw new ParameterException(cmd, "refusing to serve " + o.bind + " (not loopback) without a password:"
                    + " give --password-file FILE, or --insecure-no-auth to let anyone who reaches the ports watch and type");
        }
        List<String> notes = new ArrayList<>();
        boolean allowV1 = o.allowV1 || (demo && !password);
        if (allowV1 && demo && !o.allowV1) {
            notes.add("v1 clients allowed (a loopback demo with nothing secret; svp server needs --allow-v1)");
        }
        ServerCredentials credentials = ServerCredentials.none();
        if (password) {
            try {
                TicketStore tickets = new TicketStore(o.stateDir.create());
                ScramParameters params = tickets.publish(System.currentTimeMillis());
                credentials = ServerCredentials.of(params, control, view, tickets);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            notes.add("clients must authenticate (SCRAM-SHA-256)" + (view != null ? "; view-only password set" : ""));
        }
        return new Result(new ServerSecurity(allowV1, o.shared, credentials), notes);
    }

    /** @return true for 127.0.0.0/8, ::1 and names resolving to them; false for 0.0.0.0 and the rest */
    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
