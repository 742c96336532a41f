package org.svp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks an output file argument before a command does its work (connects, waits for a screen), so a
 * path that cannot be written fails at once as a usage error instead of after the wait.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * @param cmd the command, for the usage error
     * @param file where the command will write
     * @throws ParameterException if the file is a directory or its folder does not exist or is not writable
     */
    static void checkWritable(CommandLine cmd, Path file) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new ParameterException(cmd, "cannot write " + file + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ParameterException(cmd, "cannot write " + file + ": no such directory " + dir);
        }
        if (!Files.isWritable(dir) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new ParameterException(cmd, "cannot write " + file + ": permission denied");
        }
    }
}
