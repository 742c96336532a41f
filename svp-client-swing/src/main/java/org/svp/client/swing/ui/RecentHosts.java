package org.svp.client.swing.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts the user connected to, newest first, in a text file (one "HOST[:PORT]" per line) in the
 * user's config directory: {@code $XDG_CONFIG_HOME/svp/recent-hosts} (default {@code ~/.config}) on
 * Linux, {@code %APPDATA%\svp\recent-hosts} on Windows, {@code ~/Library/Application Support/svp} on
 * macOS. A missing or unreadable file is an empty list; failures to write are ignored (the viewer works
 * without it). Called on the EDT.
 */
public final class RecentHosts {
    /** Hosts kept. */
    static final int MAX = 10;

    private final Path file;

    /** @param file where the list lives */
    public RecentHosts(Path file) {
        this.file = file;
    }

    /** @return the file for this user and platform */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        Path dir;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            dir = Path.of(System.getenv("APPDATA"));
        } else if (os.contains("mac")) {
            dir = home.resolve("Library/Application Support");
        } else {
            String xdg = System.getenv("XDG_CONFIG_HOME");
            dir = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        }
        return dir.resolve("svp").resolve("recent-hosts");
    }

    /** @return the hosts, newest first */
    public List<String> load() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty()).distinct().limit(MAX).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** @param host put first (moved there if already listed); the oldest beyond {@link #MAX} drop out */
    public void remember(String host) {
        List<String> hosts = new ArrayList<>(load());
        hosts.remove(host);
        hosts.addFirst(host);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, hosts.subList(0, Math.min(MAX, hosts.size())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // not fatal: the list is a convenience
        }
    }
}
