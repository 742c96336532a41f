package org.svp.cli;

import org.svp.codec.jpeg.Quality;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Parses a {@code --quality} value (issue 13) for the server, the benchmarks and the clients. */
final class QualityOption {
    private QualityOption() {
    }

    /**
     * @param cmd the command, for the usage error
     * @param value what the user typed
     * @return the level
     * @throws ParameterException (exit 2) naming the accepted levels
     */
    static Quality parse(CommandLine cmd, String value) {
        try {
            return Quality.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--quality: " + e.getMessage());
        }
    }
}
