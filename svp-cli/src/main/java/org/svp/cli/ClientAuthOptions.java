package org.svp.cli;

import java.nio.file.Path;
import org.svp.client.PasswordSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --password-file F} of the clients ({@code svp snapshot}, {@code svp type}, {@code svp view}). */
final class ClientAuthOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "The server's password (or a ticket from 'svp ticket'): the first line of FILE; used only"
                    + " if the server asks for one.")
    Path passwordFile;

    /**
     * Reads the file now (so a bad file is a usage error before connecting).
     *
     * @param cmd the command
     * @return the password source for {@link org.svp.client.SvpClient#connect}
     */
    PasswordSource source(CommandLine cmd) {
        String password = PasswordFiles.read(cmd, "--password-file", passwordFile);
        return password == null ? PasswordSource.NONE : () -> password;
    }
}
