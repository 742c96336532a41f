package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.swing.x11.XwdImage;
import org.svp.render.Surface;

/**
 * The viewer survives its server going away: when the server on its port stops, the last picture stays
 * with a "lost" banner over it and the window keeps working (it can be found, repaints its count-down and
 * can be screenshot); when a new server starts on the same port, the viewer reconnects by itself (back-off
 * 1, 2, 4 … s) and then shows the new server's framebuffer pixel for pixel.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ViewerReconnectTest {
    /** The first server's demo plays {@link ViewerFixture#FRAMES} frames, the second one fewer: another picture. */
    private static final int SECOND_FRAMES = 25;
    private static ViewerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ViewerFixture("1:1", ViewerFixture.freePort());
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void showsTheLossStaysResponsiveAndReconnectsToANewServerOnThePort() throws Exception {
        int[] c = fixture.canvas;
        Surface first = fixture.server.snapshot().get(10, TimeUnit.SECONDS);
        awaitCanvasEquals(first);
        fixture.awaitLine(0, "banner none"::equals, Duration.ofSeconds(5));

        int from = fixture.lineCount();
        fixture.stopServer();
        long lostAt = System.nanoTime(); // from the moment the server's sockets are closed
        // The first banner after the loss says "Connection to … lost: … retrying in N s"; on a loaded
        // machine the EDT may paint only the following "Connecting to …" retry banner, so accept either.
        int lost = fixture.awaitLine(from, l -> l.startsWith("banner ") && !l.equals("banner none")
                && l.contains("127.0.0.1:"), Duration.ofSeconds(5));
        assertThat(System.nanoTime() - lostAt).as("time to show the loss").isLessThan(TimeUnit.SECONDS.toNanos(5));

        // disconnected: the window is still there and still paints (the count-down, a failed attempt)
        assertThat(fixture.display.run("xdotool", "search", "--name", "^SVP")).contains(fixture.windowId);
        fixture.awaitLine(lost + 1, l -> l.startsWith("banner ") && !l.equals("banner none"), Duration.ofSeconds(10));
        fixture.pointerAt(200, 200); // input while disconnected is dropped, nothing breaks
        int[] shown = awaitShot(c, s -> differences(s, first.pixels()) > 0);
        int[] bannerRows = rowsThatDiffer(shown, first.pixels(), c[2], c[3]);
        assertThat(bannerRows[0]).as("first canvas row covered by the banner").isBetween(10, 40);
        assertThat(bannerRows[1]).as("last canvas row covered by the banner").isLessThan(100);
        assertThat(fixture.viewerAlive()).isTrue();

        // a new server on the same port, with another picture
        fixture.restartServer(SECOND_FRAMES);
        Surface second = fixture.server.snapshot().get(10, TimeUnit.SECONDS);
        assertThat(differences(second.pixels(), first.pixels())).as("the new server shows another picture")
                .isPositive();
        // at most the back-off so far (1 + 2 + 4 s) plus a connect
        fixture.awaitLine(lost + 1, "banner none"::equals, Duration.ofSeconds(15));
        assertThat(fixture.awaitCanvas(g -> true, Duration.ofSeconds(5))).containsExactly(c);
        awaitCanvasEquals(second);
    }

    private static void awaitCanvasEquals(Surface server) throws Exception {
        int[] c = fixture.canvas;
        assertThat(new int[] {c[2], c[3]}).containsExactly(server.width(), server.height());
        int[] shown = awaitShot(c, s -> differences(s, server.pixels()) == 0);
        if (differences(shown, server.pixels()) != 0) {
            writePng(shown, c[2], c[3], "target/reconnect-shown.png");
            writePng(server.pixels(), c[2], c[3], "target/reconnect-expected.png");
        }
        assertThat(differences(shown, server.pixels())).as("pixels of the viewer's canvas that differ from the "
                + "server's framebuffer (viewer output:%n%s)", fixture.viewerOutput()).isZero();
    }

    /** Screenshots the canvas until {@code done} accepts it (10 s at most); returns the last one. */
    private static int[] awaitShot(int[] c, java.util.function.Predicate<int[]> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int[] shown;
        do {
            XwdImage shot = fixture.display.screenshot();
            shown = shot.crop(c[0], c[1], c[2], c[3]);
            if (done.test(shown)) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return shown;
    }

    private static void writePng(int[] px, int w, int h, String file) throws java.io.IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        javax.imageio.ImageIO.write(img, "png", new java.io.File(file));
    }

    static int differences(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 0xFFFFFF) != (b[i] & 0xFFFFFF)) {
                n++;
            }
        }
        return n;
    }

    /** @return the first and last row where the images differ, or -1, -1 */
    private static int[] rowsThatDiffer(int[] a, int[] b, int w, int h) {
        int first = -1;
        int last = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((a[y * w + x] & 0xFFFFFF) != (b[y * w + x] & 0xFFFFFF)) {
                    if (first < 0) {
                        first = y;
                    }
                    last = y;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }
}
