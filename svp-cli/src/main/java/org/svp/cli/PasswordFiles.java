package org.svp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Reads a password from a file: its first line, without the line break. A missing, unreadable or
 * empty file is a usage error naming the option and the file, never the content. Used by
 * {@code --password-file} / {@code --view-password-file} on the server and the clients.
 */
final class PasswordFiles {
    private PasswordFiles() {
    }

    /**
     * @param cmd the command (for the usage error)
     * @param option the option's name, for the message
     * @param file the file, or null
     * @return the password, or null if {@code file} is null
     * @throws ParameterException if the file cannot be read or its first line is empty
     */
    static String read(CommandLine cmd, String option, Path file) {
        if (file == null) {
            return null;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(cmd, option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new ParameterException(cmd, option + " " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
        }
        if (lines.isEmpty() || lines.getFirst().isEmpty()) {
            throw new ParameterException(cmd, option + " " + file + ": the first line (the password) is empty");
        }
        return lines.getFirst();
    }
}
