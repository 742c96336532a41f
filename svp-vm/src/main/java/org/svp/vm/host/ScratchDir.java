package org.svp.vm.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting a scratch directory tree (a guest build's, a VM's). Stateless; any thread. */
public final class ScratchDir {
    private ScratchDir() {
    }

    /**
     * Deletes the directory and everything in it; what cannot be deleted is left (scratch files left
     * in a temp or cache directory are harmless, and the next run uses a new directory).
     *
     * @param dir a directory, may be missing
     */
    public static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // see above: left behind
        }
    }
}
