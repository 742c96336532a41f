package org.svp.vrde.it;

import java.time.Duration;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
import org.svp.vrde.sim.guest.GuestScreen;

/**
 * Waits until a headless client's screen equals the simulator's framebuffer (within a per-channel
 * tolerance for 16/8 bpp), polling for at most a bound; reports the first difference otherwise.
 */
final class ScreenMatch {
    private ScreenMatch() {
    }

    /**
     * @return null when the client showed the framebuffer in time, else what differed last
     */
    static String await(SvpClient client, GuestScreen screen, int tolerance, Duration timeout) throws InterruptedException {
        Surface want = screen.expected();
        long end = System.nanoTime() + timeout.toNanos();
        String last = "no picture yet";
        while (System.nanoTime() < end) {
            Surface got = client.screen().snapshot();
            last = difference(want, got, tolerance);
            if (last == null) {
                return null;
            }
            Thread.sleep(100);
        }
        return last;
    }

    static String difference(Surface want, Surface got, int tolerance) {
        if (want.width() != got.width() || want.height() != got.height()) {
            return "client screen " + got.width() + "x" + got.height() + ", framebuffer " + want.width() + "x" + want.height();
        }
        int bad = 0;
        String first = null;
        int[] w = want.pixels();
        int[] g = got.pixels();
        for (int i = 0; i < w.length; i++) {
            if (!close(w[i], g[i], tolerance)) {
                if (first == null) {
                    first = String.format("(%d,%d) framebuffer %06x client %06x", i % want.width(), i / want.width(), w[i], g[i]);
                }
                bad++;
            }
        }
        return bad == 0 ? null : bad + " pixels differ, first at " + first;
    }

    private static boolean close(int a, int b, int tol) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > tol) {
                return false;
            }
        }
        return true;
    }
}
