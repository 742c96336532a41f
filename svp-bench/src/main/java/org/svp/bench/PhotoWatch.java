package org.svp.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.svp.client.RemoteScreen;
import org.svp.protocol.Rect;

/**
 * Keeps what the SVP client showed of the photo (slideshow) area while the workload runs, so that
 * {@code svp bench x11} can compare the current slide as the viewer saw it with the X server's once the
 * workload is frozen. At the default quality a new slide arrives in JPEG and is refreshed losslessly after
 * the server has seen it still for 300 ms: the JPEG picture is on the client's screen for about that long
 * and is gone by the time a frozen screen has been still for 300 ms, so the comparisons at a freeze alone
 * would almost never see it.
 *
 * <p>The area is cut into the screen's 64×64 grid (the server's tiles). A tile's picture counts as seen
 * once nothing has touched that tile for {@link #QUIET_NANOS} after it; the last {@link #MAX_KEPT} are
 * kept per tile. At the freeze ({@link #worstOfCurrentSlide}) each tile's kept pictures that are within
 * {@link #OTHER_SLIDE_DB} of the X server's tile (older ones show another slide) give the worst one, and
 * those worst tiles together are compared with the X server's area. {@link #reset()} after each freeze
 * drops what was kept (the windows moved on while the workload was frozen and let go). The listener
 * methods run on the client's display thread (screen monitor held); the others on the benchmark thread.
 */
final class PhotoWatch implements RemoteScreen.Listener {
    /** A tile's picture that stood this long without damage was seen. */
    static final long QUIET_NANOS = 150_000_000L;
    /** Pictures kept per tile, the newest. */
    private static final int MAX_KEPT = 8;
    /** The server's tile grid. */
    private static final int TILE = 64;
    /**
     * A kept tile this far from the X server's (PSNR below) shows another slide (two plasma slides are
     * 12–14 dB apart over the area); a JPEG of the same slide at the levels SVP uses is above 35 dB.
     */
    static final double OTHER_SLIDE_DB = 28;

    /** One grid tile of the area: its rect on the screen and what the client showed there. */
    private static final class Tile {
        final Rect rect;
        final Deque<int[]> seen = new ArrayDeque<>();
        int[] current;
        long lastDamage;

        Tile(Rect rect) {
            this.rect = rect;
        }
    }

    private final RemoteScreen screen;
    private final PhotoArea area;
    private final List<Tile> tiles = new ArrayList<>();
    /** Display thread only: copyInto's target (it writes in screen coordinates). */
    private int[] scratch;

    /**
     * @param screen the SVP client's screen (its pixels are copied under its monitor)
     * @param area the photo area, from {@link PhotoArea#locate}
     */
    PhotoWatch(RemoteScreen screen, PhotoArea area) {
        this.screen = screen;
        this.area = area;
        int right = area.x() + area.width();
        int bottom = area.y() + area.height();
        for (int ty = area.y() / TILE * TILE; ty < bottom; ty += TILE) {
            for (int tx = area.x() / TILE * TILE; tx < right; tx += TILE) {
                int x0 = Math.max(tx, area.x());
                int y0 = Math.max(ty, area.y());
                tiles.add(new Tile(new Rect(x0, y0, Math.min(tx + TILE, right) - x0, Math.min(ty + TILE, bottom) - y0)));
            }
        }
    }

    /** @return the area watched */
    PhotoArea area() {
        return area;
    }

    @Override
    public void resized(int width, int height) {
        synchronized (this) {
            for (Tile t : tiles) {
                t.seen.clear();
                t.current = null;
            }
        }
    }

    @Override
    public void damaged(Rect r, long receivedNanos) {
        long now = System.nanoTime();
        synchronized (this) {
            for (Tile t : tiles) {
                if (t.rect.intersect(r).isEmpty()) {
                    continue;
                }
                if (t.current != null && now - t.lastDamage > QUIET_NANOS) {
                    if (t.seen.size() == MAX_KEPT) {
                        t.seen.removeFirst();
                    }
                    t.seen.addLast(t.current); // it stood for a while: seen
                }
                t.lastDamage = now;
                t.current = copy(t.rect);
            }
        }
    }

    /** Display thread, screen monitor held (the message is applied whole). */
    private int[] copy(Rect r) {
        int stride = r.right();
        if (scratch == null || scratch.length < stride * r.bottom()) {
            scratch = new int[stride * r.bottom()];
        }
        screen.copyInto(r, scratch, stride);
        int[] out = new int[r.width() * r.height()];
        for (int row = 0; row < r.height(); row++) {
            System.arraycopy(scratch, (r.y() + row) * stride + r.x(), out, row * r.width(), r.width());
        }
        return out;
    }

    @Override
    public void closed(String reason) {
        // the run ends with the client; nothing to do
    }

    /**
     * The current slide as the client showed it at its worst: per tile the kept picture (newest first,
     * up to the first of another slide) farthest from the X server's tile, all of them put together and
     * compared with the X server's area. Benchmark thread, workload frozen.
     *
     * @param reference the X server's screen (0x00RRGGBB, row-major)
     * @param screenWidth its width
     * @return that comparison; identical if no tile kept a picture of the current slide that differs
     */
    FrameQuality worstOfCurrentSlide(int[] reference, int screenWidth) {
        int[] worst = new int[area.width() * area.height()];
        for (int row = 0; row < area.height(); row++) {
            System.arraycopy(reference, (area.y() + row) * screenWidth + area.x(), worst, row * area.width(), area.width());
        }
        List<Tile> snapshot;
        synchronized (this) {
            snapshot = tiles.stream().map(t -> {
                Tile c = new Tile(t.rect);
                c.seen.addAll(t.seen);
                return c;
            }).toList();
        }
        for (Tile t : snapshot) {
            int[] ref = new int[t.rect.width() * t.rect.height()];
            for (int row = 0; row < t.rect.height(); row++) {
                System.arraycopy(reference, (t.rect.y() + row) * screenWidth + t.rect.x(), ref, row * t.rect.width(),
                        t.rect.width());
            }
            int[] pick = null;
            double pickDb = Double.POSITIVE_INFINITY;
            for (var it = t.seen.descendingIterator(); it.hasNext(); ) {
                int[] shown = it.next();
                double db = FrameQuality.compare(ref, shown, t.rect.width(), t.rect.height()).psnrDb();
                if (db < OTHER_SLIDE_DB) {
                    break; // this one and older: another slide
                }
                if (db < pickDb) {
                    pick = shown;
                    pickDb = db;
                }
            }
            if (pick != null) {
                for (int row = 0; row < t.rect.height(); row++) {
                    System.arraycopy(pick, row * t.rect.width(), worst,
                            (t.rect.y() - area.y() + row) * area.width() + t.rect.x() - area.x(), t.rect.width());
                }
            }
        }
        return area.compareArea(reference, worst, screenWidth);
    }

    /** Drops the pictures kept (after a freeze: the other windows moved on meanwhile). Benchmark thread. */
    synchronized void reset() {
        for (Tile t : tiles) {
            t.seen.clear();
        }
    }
}
