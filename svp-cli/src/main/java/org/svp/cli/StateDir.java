package org.svp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --state-dir DIR}: where the server keeps what must survive a restart (its TLS certificate and
 * key, one-time tickets). A picocli mixin, used by {@link ServeOptions} and by any command that reads
 * or writes the server's state (e.g. {@code svp ticket}); one place resolves the default so all agree.
 */
final class StateDir {
    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the server keeps its certificate, key and tickets"
                    + " (default: $XDG_STATE_HOME/svp, else ~/.local/state/svp).")
    Path dir;

    /** @return the directory the user named, or the default for this environment (not created) */
    Path path() {
        return dir != null ? dir : defaultPath(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * The directory, created with mode 0700 if missing (an existing one is left as it is).
     *
     * @return the directory
     * @throws IOException if it cannot be created (the message names it)
     */
    Path create() throws IOException {
        Path p = path();
        if (!Files.isDirectory(p)) {
            try {
                Files.createDirectories(p);
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException | UnsupportedOperationException e) {
                throw new IOException("cannot create the state directory " + p + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    /**
     * @param env the environment ({@code XDG_STATE_HOME} is used when set and absolute)
     * @param home the user's home directory
     * @return {@code $XDG_STATE_HOME/svp} or {@code HOME/.local/state/svp}
     */
    static Path defaultPath(Map<String, String> env, String home) {
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "svp");
        }
        return Path.of(home, ".local", "state", "svp");
    }
}
