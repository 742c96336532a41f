package org.svp.bench;

import java.util.ArrayList;
import java.util.List;
import org.svp.client.RemoteScreen;
import org.svp.protocol.Rect;

/**
 * Keeps the last pictures of the photo (slideshow) area that the SVP client showed for a while, so that
 * {@code svp bench x11} can compare those of the current slide with the X server's slide once the
 * workload is frozen. At the default quality a new slide arrives in JPEG and is refreshed
 * losslessly after the server has seen it still for 300 ms: the JPEG picture is on the client's screen
 * for about that long and is gone by the time a frozen screen has been still for 300 ms, so the
 * comparisons at a freeze alone would almost never see it.
 *
 * <p>A picture counts once nothing has touched the area for {@link #QUIET_NANOS} after it (a burst of
 * damage, then quiet); the last {@link #MAX_KEPT} are kept. Which of them show the current slide is
 * decided at the freeze, against the X server's picture ({@link #ofCurrentSlide}): the newest ones
 * down to the first that is not close to it (another slide). {@link #reset()} after each freeze drops
 * them (the windows moved on while the workload was frozen and let go). The listener methods run on the client's display thread (screen
 * monitor held); the others on the benchmark thread.
 */
final class PhotoWatch implements RemoteScreen.Listener {
    /** A picture that stood this long without damage in the area was seen. */
    static final long QUIET_NANOS = 150_000_000L;
    /** At most this many pictures are kept, the newest (each 1 MB for 640×400). */
    private static final int MAX_KEPT = 8;
    /**
     * A kept picture this far from the X server's (PSNR below) shows another slide: two different
     * plasma slides are 12–14 dB apart, a JPEG of the same slide 30 dB or more.
     */
    static final double OTHER_SLIDE_DB = 20;

    private final RemoteScreen screen;
    private final PhotoArea area;
    private final List<int[]> seen = new ArrayList<>();
    private int[] current;
    private long lastDamage;
    /** Display thread only: copyInto's target. */
    private int[] scratch;

    /**
     * @param screen the SVP client's screen (its pixels are copied under its monitor)
     * @param area the photo area, from {@link PhotoArea#locate}
     */
    PhotoWatch(RemoteScreen screen, PhotoArea area) {
        this.screen = screen;
        this.area = area;
    }

    /** @return the area watched */
    PhotoArea area() {
        return area;
    }

    @Override
    public void resized(int width, int height) {
        synchronized (this) {
            seen.clear();
            current = null;
        }
    }

    @Override
    public void damaged(Rect r, long receivedNanos) {
        int x0 = Math.max(r.x(), area.x());
        int y0 = Math.max(r.y(), area.y());
        int x1 = Math.min(r.x() + r.width(), area.x() + area.width());
        int y1 = Math.min(r.y() + r.height(), area.y() + area.height());
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (current != null && now - lastDamage > QUIET_NANOS) {
                // the picture after the last burst stood for a while: seen
                if (seen.size() == MAX_KEPT) {
                    seen.removeFirst();
                }
                seen.add(current);
            }
            lastDamage = now;
            // display thread, screen monitor held: the message is applied whole; copyInto writes in screen
            // coordinates, so through a screen-sized scratch array, then the area's rows out of it
            int stride = area.x() + area.width();
            if (scratch == null || scratch.length < stride * (area.y() + area.height())) {
                scratch = new int[stride * (area.y() + area.height())];
            }
            screen.copyInto(new Rect(area.x(), area.y(), area.width(), area.height()), scratch, stride);
            int[] copy = new int[area.width() * area.height()];
            for (int row = 0; row < area.height(); row++) {
                System.arraycopy(scratch, (area.y() + row) * stride + area.x(), copy, row * area.width(), area.width());
            }
            current = copy;
        }
    }

    @Override
    public void closed(String reason) {
        // the run ends with the client; nothing to do
    }

    /**
     * The pictures of the current slide the client showed: walking back from the newest kept picture,
     * each that is within {@link #OTHER_SLIDE_DB} of the X server's, up to the first that is not.
     * Benchmark thread, workload frozen.
     *
     * @param reference the X server's screen (0x00RRGGBB)
     * @param screenWidth its width
     * @return their comparisons with the X server's area, newest first
     */
    List<FrameQuality> ofCurrentSlide(int[] reference, int screenWidth) {
        List<int[]> kept;
        synchronized (this) {
            kept = new ArrayList<>(seen);
        }
        List<FrameQuality> out = new ArrayList<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            FrameQuality q = area.compareArea(reference, kept.get(i), screenWidth);
            if (q.psnrDb() < OTHER_SLIDE_DB || Double.isNaN(q.psnrDb())) {
                break;
            }
            out.add(q);
        }
        return out;
    }

    /** Drops the pictures kept (after a freeze: the other windows moved on meanwhile). Benchmark thread. */
    synchronized void reset() {
        seen.clear();
    }
}
