package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.swing.x11.XwdImage;
import org.svp.render.Surface;

/**
 * The viewer under Xvfb shows exactly the server's framebuffer at 1:1: a screenshot taken with
 * {@code xwd} of the viewer's canvas equals the server's mirror pixel for pixel (the cursor is the
 * window's own X cursor, so it is not in the picture). With {@code -Dsvp.updateDocs=true} it also
 * writes the window as docs/viewer.png.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ViewerScreenshotTest {
    private static ViewerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ViewerFixture();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void canvasEqualsServerFramebufferAtOneToOne() throws Exception {
        Surface server = fixture.server.snapshot().get(10, TimeUnit.SECONDS);
        int[] c = fixture.canvas;
        assertThat(new int[] {c[2], c[3]}).containsExactly(server.width(), server.height());
        int[] shown = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int diffs = -1;
        while (System.nanoTime() < deadline) {
            XwdImage shot = fixture.display.screenshot();
            shown = shot.crop(c[0], c[1], c[2], c[3]);
            diffs = differences(shown, server.pixels());
            if (diffs == 0) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(diffs).as("pixels of the viewer's canvas that differ from the server's framebuffer "
                + "(viewer output:%n%s)", fixture.viewerOutput()).isZero();
        if (Boolean.getBoolean("svp.updateDocs")) {
            writeDocsScreenshot();
        }
    }

    private static int differences(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & 0xFFFFFF) != (b[i] & 0xFFFFFF)) {
                n++;
            }
        }
        return n;
    }

    /** Writes the viewer window (frame, menu, canvas, status line) as docs/viewer.png. */
    private static void writeDocsScreenshot() throws Exception {
        Thread.sleep(1500); // let the status line show a figure
        String geo = fixture.display.run("xdotool", "getwindowgeometry", "--shell", fixture.windowId);
        int x = field(geo, "X");
        int y = field(geo, "Y");
        int w = field(geo, "WIDTH");
        int h = field(geo, "HEIGHT");
        XwdImage shot = fixture.display.screenshot();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, shot.crop(x, y, w, h), 0, w);
        Path docs = Path.of(System.getProperty("svp.docsDir", "../docs"));
        Files.createDirectories(docs);
        ImageIO.write(img, "png", docs.resolve("viewer.png").toFile());
    }

    private static int field(String shell, String name) {
        return shell.lines().filter(l -> l.startsWith(name + "=")).mapToInt(l -> Integer.parseInt(l.substring(name.length() + 1)))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in " + shell));
    }
}
