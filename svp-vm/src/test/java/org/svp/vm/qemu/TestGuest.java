package org.svp.vm.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.svp.protocol.error.UpstreamException;
import org.svp.vm.guest.GuestCache;
import org.svp.vm.guest.GuestImage;
import org.svp.vm.host.HostCommand;

/**
 * The guest every VM test boots: built once per test JVM into the cache ({@code XDG_CACHE_HOME}, under
 * target/ in Maven runs; the download is bounded by apt-get's 300 s). As root without package
 * lists (a fresh CI container) it runs {@code apt-get update} once. Fails with what failed (no
 * network, apt-get or busybox-static missing) rather than skipping: CI has network and root.
 */
public final class TestGuest {
    /** The line the guest's shell profile writes to the serial log once the shell on the screen runs. */
    public static final String SHELL_READY = "svp-vm: shell ready on tty1";
    /** Boot to the shell under TCG: ~2-8 s on an idle machine; generous for a loaded 2-core CI runner. */
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final Path APT_LISTS = Path.of("/var/lib/apt/lists");
    private static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(300);
    private static GuestImage guest;

    private TestGuest() {
    }

    private static void progress(String line) {
        System.err.println("svp vm test: " + line); // only when the guest is built: the first run
    }

    /** @return the cached guest, built now if needed */
    public static synchronized GuestImage get() {
        if (guest == null) {
            GuestCache cache = new GuestCache(GuestCache.defaultRoot());
            try {
                try {
                    guest = cache.prepare(TestGuest::progress);
                } catch (UpstreamException e) {
                    if (!e.getMessage().contains("apt knows no") || !Files.isWritable(APT_LISTS)) {
                        throw e;
                    }
                    // a fresh CI container (root) whose package lists were removed: fetch them once
                    progress("no package lists: apt-get update (at most " + UPDATE_TIMEOUT.toSeconds() + " s)");
                    new HostCommand(List.of("apt-get", "update", "-qq"), Path.of("/"), UPDATE_TIMEOUT).run();
                    guest = cache.prepare(TestGuest::progress);
                }
            } catch (UpstreamException e) {
                throw new AssertionError("cannot prepare the VM guest for the tests: " + e.getMessage(), e);
            }
        }
        return guest;
    }
}
