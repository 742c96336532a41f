package org.svp.vm.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.svp.protocol.error.UpstreamException;
import org.svp.vm.host.HostCommand;

/**
 * Debian's cloud kernel ({@code linux-image-<release>-cloud-amd64}: small, virtio and serial built in,
 * no DRM): finding the newest apt knows, downloading it with {@code apt-get download} (no root needed,
 * nothing installed) and unpacking its vmlinuz with {@code dpkg-deb -x}.
 */
final class KernelPackage {
    /** The meta-package that depends on the current cloud kernel. */
    static final String META = "linux-image-cloud-amd64";
    private static final String PREFIX = "linux-image-";
    private static final String SUFFIX = "-cloud-amd64";
    /** The message when apt lists no cloud kernel (no package lists yet, or not Debian). */
    static final String NO_KERNEL = "apt knows no " + PREFIX + "*" + SUFFIX + " package (Debian's cloud kernel):"
            + " run apt-get update, or check /etc/apt/sources.list";
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** The download is ~27 MB; generous for slow mirrors, but bounded. */
    static final Duration DOWNLOAD_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration UNPACK_TIMEOUT = Duration.ofSeconds(120);

    private KernelPackage() {
    }

    /**
     * @return the newest cloud kernel release apt knows, e.g. "6.1.0-57-cloud-amd64"
     * @throws UpstreamException if apt-cache is missing or knows none
     */
    static String newestRelease(Path workDir) {
        HostCommand.require("apt-cache", "apt");
        String deps;
        try {
            deps = new HostCommand(List.of("apt-cache", "depends", META), workDir, QUERY_TIMEOUT).run();
        } catch (UpstreamException e) {
            deps = ""; // "E: No packages found" (not Debian, or no package lists): look at the names below
        }
        Optional<String> viaMeta = deps.lines().map(String::strip).filter(l -> l.startsWith("Depends: " + PREFIX))
                .map(l -> l.substring("Depends: ".length()).strip()).filter(KernelPackage::isKernel).findFirst();
        if (viaMeta.isPresent()) {
            return release(viaMeta.get());
        }
        String names = new HostCommand(List.of("apt-cache", "pkgnames", PREFIX), workDir, QUERY_TIMEOUT).run();
        return names.lines().map(String::strip).filter(KernelPackage::isKernel).map(KernelPackage::release)
                .max(KernelPackage::compareReleases)
                .orElseThrow(() -> new UpstreamException(NO_KERNEL, null));
    }

    /**
     * Downloads and unpacks the kernel package, keeps its vmlinuz.
     *
     * @param release e.g. "6.1.0-57-cloud-amd64"
     * @param workDir an empty scratch directory (the .deb and its files go there)
     * @param target where the kernel image is written
     * @param progress one line per slow step
     */
    static void fetchKernel(String release, Path workDir, Path target, Consumer<String> progress) throws IOException {
        HostCommand.require("apt-get", "apt");
        HostCommand.require("dpkg-deb", "dpkg");
        String pkg = PREFIX + release;
        progress.accept("downloading " + pkg + " (apt-get download, about 27 MB)...");
        try {
            new HostCommand(List.of("apt-get", "download", pkg), workDir, DOWNLOAD_TIMEOUT).run();
        } catch (UpstreamException e) {
            throw new UpstreamException("cannot download the guest kernel: " + e.getMessage(), e);
        }
        Path deb;
        try (Stream<Path> s = Files.list(workDir)) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new UpstreamException("apt-get download " + pkg + " wrote no .deb file", null));
        }
        progress.accept("unpacking " + deb.getFileName() + " (dpkg-deb -x)...");
        Path root = workDir.resolve("root");
        new HostCommand(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), workDir, UNPACK_TIMEOUT).run();
        Path vmlinuz = root.resolve("boot").resolve("vmlinuz-" + release);
        if (!Files.isRegularFile(vmlinuz)) {
            throw new UpstreamException(deb.getFileName() + " has no boot/vmlinuz-" + release, null);
        }
        Files.copy(vmlinuz, target);
    }

    private static boolean isKernel(String pkg) {
        return pkg.startsWith(PREFIX) && pkg.endsWith(SUFFIX) && !pkg.equals(META)
                && Character.isDigit(pkg.charAt(PREFIX.length()));
    }

    private static String release(String pkg) {
        return pkg.substring(PREFIX.length());
    }

    /** Compares releases like "6.1.0-57-cloud-amd64" and "6.12.117+deb12-cloud-amd64" number by number. */
    static int compareReleases(String a, String b) {
        String[] x = a.split("[^0-9]+");
        String[] y = b.split("[^0-9]+");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Comparator.<String>comparingInt(String::length).thenComparing(Comparator.naturalOrder())
                    .compare(x[i].replaceFirst("^0+(?=.)", ""), y[i].replaceFirst("^0+(?=.)", ""));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
