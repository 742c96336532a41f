package org.svp.vm.qemu;

import java.time.Duration;
import org.svp.protocol.error.UpstreamException;
import org.svp.vm.guest.GuestCache;
import org.svp.vm.guest.GuestImage;

/**
 * The guest every VM test boots: built once per test JVM into the cache ({@code XDG_CACHE_HOME}, under
 * target/ in Maven runs; the download is bounded by apt-get's 300 s). Fails with what failed (no
 * network, apt-get or busybox-static missing) rather than skipping: CI has network and root.
 */
public final class TestGuest {
    /** The line the guest's shell profile writes to the serial log once the shell on the screen runs. */
    public static final String SHELL_READY = "svp-vm: shell ready on tty1";
    /** Boot to the shell under TCG: ~2-8 s on an idle machine; generous for a loaded 2-core CI runner. */
    public static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static GuestImage guest;

    private TestGuest() {
    }

    /** @return the cached guest, built now if needed */
    public static synchronized GuestImage get() {
        if (guest == null) {
            try {
                guest = new GuestCache(GuestCache.defaultRoot()).prepare(line -> System.err.println("svp vm test: " + line));
            } catch (UpstreamException e) {
                throw new AssertionError("cannot prepare the VM guest for the tests: " + e.getMessage(), e);
            }
        }
        return guest;
    }
}
