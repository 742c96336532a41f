package org.svp.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.svp.protocol.message.SessionToken;
import org.svp.server.auth.TicketStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code svp ticket}: a one-time password for one client (like SPICE's {@code set_ticket}), for VM
 * managers. Writes the ticket's SCRAM keys (never its text) with its expiry into the state directory
 * and prints the ticket on stdout; a server with the same state directory (and a password, so that it
 * asks for one) accepts it once before it expires.
 */
@Command(name = "ticket", mixinStandardHelpOptions = true,
        description = {"Make a one-time ticket the server (same --state-dir) accepts once, as a client's password,"
                + " before it expires; prints it.",
            "The server must run with --password-file (it then asks every client for a secret)."})
final class TicketCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StateDir stateDir = new StateDir();

    @Option(names = "--expires", defaultValue = "60s", paramLabel = "DURATION",
            description = "How long the ticket is valid: 90s, 10m, 2h (default: ${DEFAULT-VALUE}).")
    String expires;

    @Option(names = "--view-only", description = "The client may only watch (its input is dropped).")
    boolean viewOnly;

    @Override
    public Integer call() throws Exception {
        Duration d = parse(expires);
        TicketStore store = new TicketStore(stateDir.create());
        String ticket = store.create(d, viewOnly ? SessionToken.ROLE_VIEW : SessionToken.ROLE_CONTROL,
                System.currentTimeMillis());
        spec.commandLine().getOut().println(ticket);
        return 0;
    }

    private Duration parse(String s) {
        try {
            char unit = s.charAt(s.length() - 1);
            long n = Character.isDigit(unit) ? Long.parseLong(s) : Long.parseLong(s.substring(0, s.length() - 1));
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException();
                    }
                    yield Duration.ofSeconds(n);
                }
            };
            if (d.isNegative() || d.isZero() || d.toDays() > 366) {
                throw new NumberFormatException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), "--expires must be a positive duration like 60s, 10m or 2h,"
                    + " got '" + s + "'");
        }
    }
}
