package org.svp.client.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The client's pinned server certificates: {@code ~/.config/svp/known-servers}
 * ({@code $XDG_CONFIG_HOME/svp/known-servers} when set), one line {@code host:port sha256:HEX} per
 * server; lines starting with '#' and blank lines are ignored. The user edits it by hand to forget a
 * server. Read and appended from the TLS hand-shake's thread; an exclusive file lock orders writers in
 * several processes.
 */
public final class KnownServers {
    private final Path file;

    /** @param file the file (created with its folder on the first pin) */
    public KnownServers(Path file) {
        this.file = file;
    }

    /**
     * @param env the environment ({@code XDG_CONFIG_HOME} is used when set and absolute)
     * @param home the user's home directory
     * @return the file for this user
     */
    public static KnownServers forUser(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path dir = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg, "svp")
                : Path.of(home, ".config", "svp");
        return new KnownServers(dir.resolve("known-servers"));
    }

    /** @return the file for the user running this process */
    public static KnownServers forUser() {
        return forUser(System.getenv(), System.getProperty("user.home"));
    }

    /** @return where the pins are kept */
    public Path file() {
        return file;
    }

    /**
     * @param server {@code host:port}
     * @return its pinned fingerprint ({@code sha256:HEX}), if any
     */
    public synchronized Optional<String> lookup(String server) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 2 && !f[0].startsWith("#") && f[0].equals(server)) {
                    return Optional.of(f[1]);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends {@code server fingerprint} unless another process pinned it meanwhile.
     *
     * @param server {@code host:port}
     * @param fingerprint {@code sha256:HEX}
     * @return the fingerprint now pinned for it (another process's, if it was first)
     */
    public synchronized String pin(String server, String fingerprint) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = ch.lock()) {
                Optional<String> already = lookup(server);
                if (already.isPresent()) {
                    return already.get();
                }
                ch.write(StandardCharsets.UTF_8.encode(server + " " + fingerprint + "\n"));
                return fingerprint;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
