package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.RemoteScreen;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;

/**
 * The photo watch keeps what the client showed of the photo area for a while — a JPEG picture before
 * its lossless refresh — and at the freeze gives only the pictures of the current slide.
 */
@Timeout(20)
class PhotoWatchTest {
    private static final int W = 200;
    private static final int H = 100;
    private static final Rect AREA = new Rect(50, 20, 100, 50);
    private static final int SLIDE = 0x808080;

    /** Longer than {@link PhotoWatch#QUIET_NANOS}: the picture before it counts as seen. */
    private static void standStill() throws InterruptedException {
        Thread.sleep(PhotoWatch.QUIET_NANOS / 1_000_000 + 80);
    }

    @Test
    void itKeepsTheLossyPictureOfTheCurrentSlideOnly() throws Exception {
        RemoteScreen screen = new RemoteScreen();
        screen.apply(new ScreenResize(W, H));
        PhotoWatch watch = new PhotoWatch(screen, new PhotoArea(AREA.x(), AREA.y(), AREA.width(), AREA.height()));
        screen.listen(watch);
        screen.apply(new SolidRect(AREA, 0x202020)); // the previous slide
        standStill();
        screen.apply(new SolidRect(new Rect(0, 0, 10, 10), 0xFFFFFF)); // outside the area: not a picture of it
        standStill();
        screen.apply(new SolidRect(AREA, SLIDE + 0x010101)); // the new slide, every sample 1 off (JPEG)
        standStill();
        screen.apply(new SolidRect(AREA, SLIDE)); // its lossless refresh: what the client shows now

        int[] reference = new int[W * H];
        for (int y = AREA.y(); y < AREA.bottom(); y++) {
            Arrays.fill(reference, y * W + AREA.x(), y * W + AREA.right(), SLIDE);
        }
        FrameQuality worst = watch.worstOfCurrentSlide(reference, W);
        // the JPEG picture; the previous slide (PSNR ~8.5 dB) is another slide and left out
        assertThat(worst.differing()).isEqualTo((long) AREA.width() * AREA.height());
        assertThat(worst.psnrDb()).isCloseTo(10 * Math.log10(255.0 * 255.0), org.assertj.core.data.Offset.offset(1e-6));

        watch.reset();
        assertThat(watch.worstOfCurrentSlide(reference, W).identical()).isTrue();
    }

    @Test
    void aTileIsSeenWhileItsNeighbourKeepsChanging() throws Exception {
        RemoteScreen screen = new RemoteScreen();
        screen.apply(new ScreenResize(W, H));
        Rect left = new Rect(64, 0, 64, 64);
        Rect right = new Rect(128, 0, 64, 64);
        PhotoWatch watch = new PhotoWatch(screen, new PhotoArea(64, 0, 128, 64));
        screen.listen(watch);
        screen.apply(new SolidRect(left, SLIDE + 0x010101)); // JPEG, left tile
        for (int i = 0; i < 8; i++) { // the right tile never stands still for 150 ms
            screen.apply(new SolidRect(right, SLIDE + (i % 2) * 0x505050));
            Thread.sleep(50);
        }
        screen.apply(new SolidRect(right, SLIDE));
        screen.apply(new SolidRect(left, SLIDE)); // the left tile's refresh
        int[] reference = new int[W * H];
        for (int y = 0; y < 64; y++) {
            Arrays.fill(reference, y * W + 64, y * W + 192, SLIDE);
        }
        FrameQuality worst = watch.worstOfCurrentSlide(reference, W);
        assertThat(worst.differing()).isEqualTo(64L * 64); // the left tile's JPEG picture only
        // MSE 1 over half of the area
        assertThat(worst.psnrDb()).isCloseTo(10 * Math.log10(255.0 * 255.0 / 0.5), org.assertj.core.data.Offset.offset(1e-6));
    }
}
