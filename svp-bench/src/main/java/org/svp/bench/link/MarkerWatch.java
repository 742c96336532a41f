package org.svp.bench.link;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.svp.client.RemoteScreen;
import org.svp.protocol.Rect;

/**
 * Watches the client's screen for the marker of the key press just sent: the moment its colour is drawn
 * at the marker's centre is when the key reached the screen. {@link RemoteScreen} calls it on the
 * display channel's thread, after drawing each message; the benchmark thread waits in {@link #await}.
 */
final class MarkerWatch implements RemoteScreen.Listener {
    private static final Rect CENTRE = new Rect(LinkSource.MARKER.x() + LinkSource.MARKER.width() / 2,
            LinkSource.MARKER.y() + LinkSource.MARKER.height() / 2, 1, 1);

    private final RemoteScreen screen;
    private volatile int expected = -1;
    private volatile CountDownLatch seen = new CountDownLatch(1);
    private volatile long seenNanos;
    private final int[] probe = new int[(CENTRE.y() + 1) * (CENTRE.x() + 1)];

    MarkerWatch(RemoteScreen screen) {
        this.screen = screen;
    }

    /** @param colour the marker colour to wait for next (0xRRGGBB) */
    void expect(int colour) {
        seen = new CountDownLatch(1);
        expected = colour;
    }

    /**
     * @param timeoutNanos how long to wait
     * @return {@link System#nanoTime()} when the expected colour was drawn, or -1 if it was not in time
     */
    long await(long timeoutNanos) throws InterruptedException {
        return seen.await(timeoutNanos, TimeUnit.NANOSECONDS) ? seenNanos : -1;
    }

    @Override
    public void resized(int width, int height) {
    }

    @Override
    public void damaged(Rect area, long receivedNanos) {
        if (expected < 0 || area.intersect(CENTRE).isEmpty()) {
            return;
        }
        // copyInto writes in screen coordinates: a buffer just big enough for the centre pixel
        int stride = CENTRE.x() + 1;
        screen.copyInto(CENTRE, probe, stride);
        if ((probe[CENTRE.y() * stride + CENTRE.x()] & 0xFFFFFF) == expected && seen.getCount() > 0) {
            seenNanos = System.nanoTime();
            seen.countDown();
        }
    }

    @Override
    public void closed(String reason) {
    }
}
