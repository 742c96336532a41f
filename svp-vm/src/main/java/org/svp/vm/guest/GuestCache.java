package org.svp.vm.guest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.svp.protocol.error.UpstreamException;
import org.svp.vm.host.ScratchDir;

/**
 * The guest cache: {@code <root>/<kernel release>-g<script version>/} holds {@code vmlinuz} and
 * {@code initramfs.gz}. {@link #prepare} builds the guest of the newest cloud kernel at first use (in a
 * scratch directory, then renamed into place, so a second process building at the same time or a build
 * that was killed never leaves a half guest), and uses the newest guest already built when apt cannot
 * tell or fetch a newer kernel (offline). Called from one thread per process; safe across processes.
 */
public final class GuestCache {
    static final String KERNEL = "vmlinuz";
    static final String INITRAMFS = "initramfs.gz";

    private final Path root;

    /** @param root the cache directory (created when needed) */
    public GuestCache(Path root) {
        this.root = root;
    }

    /** @return {@code $XDG_CACHE_HOME/svp/vm}, else {@code ~/.cache/svp/vm} */
    public static Path defaultRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("svp").resolve("vm");
    }

    /** @return the cache directory */
    public Path root() {
        return root;
    }

    /**
     * @param progress told one line per slow step (download, unpack, initramfs); not called on a hit
     * @return the guest, built now if it was not cached
     * @throws UpstreamException naming what failed (a missing tool and its package, the download)
     */
    public GuestImage prepare(Consumer<String> progress) {
        String version = Initramfs.scriptVersion();
        try {
            Files.createDirectories(root);
            String release;
            try {
                release = KernelPackage.newestRelease(root);
            } catch (UpstreamException e) {
                return newestCached(version).map(g -> {
                    progress.accept("cannot ask apt for the newest kernel (" + e.getMessage() + "); using the cached "
                            + g.kernelRelease());
                    return g;
                }).orElseThrow(() -> e);
            }
            Optional<GuestImage> hit = cached(root.resolve(release + "-g" + version));
            if (hit.isPresent()) {
                return hit.get();
            }
            try {
                return build(release, version, progress);
            } catch (UpstreamException e) {
                Optional<GuestImage> older = newestCached(version);
                if (older.isEmpty()) {
                    throw e;
                }
                progress.accept(e.getMessage() + "; using the cached " + older.get().kernelRelease());
                return older.get();
            }
        } catch (IOException e) {
            throw new UpstreamException("cannot prepare the VM guest in " + root + ": " + e.getMessage(), e);
        }
    }

    private GuestImage build(String release, String version, Consumer<String> progress) throws IOException {
        Path busybox = Initramfs.busybox(); // before the download: fail fast when busybox-static is missing
        Path scratch = Files.createTempDirectory(root, ".build-");
        try {
            Path staged = Files.createDirectory(scratch.resolve("guest"));
            Path download = Files.createDirectory(scratch.resolve("download"));
            KernelPackage.fetchKernel(release, download, staged.resolve(KERNEL), progress);
            progress.accept("writing the initramfs (busybox " + busybox + ")...");
            Initramfs.write(busybox, staged.resolve(INITRAMFS));
            Path dir = root.resolve(release + "-g" + version);
            try {
                Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
                progress.accept("guest cached in " + dir);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                // another process finished the same guest first: use theirs
            }
            return cached(dir).orElseThrow(() -> new UpstreamException("the guest in " + dir + " is incomplete", null));
        } finally {
            ScratchDir.delete(scratch);
        }
    }

    private static Optional<GuestImage> cached(Path dir) {
        Path k = dir.resolve(KERNEL);
        Path i = dir.resolve(INITRAMFS);
        if (!Files.isRegularFile(k) || !Files.isRegularFile(i)) {
            return Optional.empty();
        }
        String name = dir.getFileName().toString();
        return Optional.of(new GuestImage(k, i, name.substring(0, name.lastIndexOf("-g"))));
    }

    private Optional<GuestImage> newestCached(String version) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> d.getFileName().toString().endsWith("-g" + version)).map(GuestCache::cached)
                    .flatMap(Optional::stream)
                    .max(Comparator.comparing(GuestImage::kernelRelease, KernelPackage::compareReleases));
        }
    }
}
