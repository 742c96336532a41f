package org.svp.cli;

import org.svp.client.ClientOptions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Turns a HOST[:PORT] argument into a usage error the user understands. */
final class Targets {
    private Targets() {
    }

    static Object[] parse(CommandLine cmd, String target) {
        try {
            return ClientOptions.parseTarget(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
    }
}
