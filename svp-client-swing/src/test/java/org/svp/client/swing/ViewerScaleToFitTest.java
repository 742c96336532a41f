package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.swing.x11.XwdImage;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Message;
import org.svp.protocol.message.MouseEvent;
import org.svp.render.Surface;
import org.svp.source.demo.desktop.Desktop;

/**
 * The viewer with {@code --scale fit} in a window smaller than the remote screen: the canvas shows the
 * server's framebuffer scaled down with bilinear filtering (compared with Java2D's own bilinear scaling of
 * the framebuffer to the canvas size), the demo's windows are recognisable (their title bars are where
 * the scale puts them), and pointer positions are mapped back through the scale.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ViewerScaleToFitTest {
    /** Outer size the window is forced to: smaller than the 1024×768 demo with the menu and status line. */
    private static final int WINDOW_W = 700;
    private static final int WINDOW_H = 560;
    /** Mean absolute difference per channel allowed between the canvas and the reference scaling. */
    private static final double MAX_MEAN_DIFF = 3;
    private static ViewerFixture fixture;
    private static double scale;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ViewerFixture("fit", 0);
        fixture.xdotool("windowsize", "--sync", fixture.windowId, String.valueOf(WINDOW_W), String.valueOf(WINDOW_H));
        int[] c = fixture.awaitCanvas(g -> g[2] < ViewerFixture.WIDTH - 200, Duration.ofSeconds(10));
        String report = fixture.linesFrom(0).stream().filter(l -> l.startsWith("canvas ")).reduce((a, b) -> b)
                .orElseThrow();
        scale = Double.parseDouble(report.split(" ")[5]);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void canvasIsTheFramebufferScaledBilinearly() throws Exception {
        int[] c = fixture.canvas;
        // aspect kept: the picture is the whole screen scaled by one factor
        assertThat(c[2]).isEqualTo((int) Math.round(ViewerFixture.WIDTH * scale));
        assertThat(c[3]).isEqualTo((int) Math.round(ViewerFixture.HEIGHT * scale));
        assertThat(scale).isLessThan(0.8);

        Surface server = fixture.server.snapshot().get(10, TimeUnit.SECONDS);
        int[] expected = scaleBilinear(server, c[2], c[3]);
        int[] shown = null;
        double diff = Double.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            XwdImage shot = fixture.display.screenshot();
            shown = shot.crop(c[0], c[1], c[2], c[3]);
            diff = meanAbsoluteDifference(shown, expected);
            if (diff < MAX_MEAN_DIFF) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(diff).as("mean absolute difference per channel from the framebuffer scaled bilinearly to %dx%d "
                + "(viewer output:%n%s)", c[2], c[3], fixture.viewerOutput()).isLessThan(MAX_MEAN_DIFF);

        // not blank: every demo window's title bar is where the scale puts it, in its colours
        for (String name : List.of(Desktop.LOG, Desktop.PHOTO, Desktop.CHART, Desktop.NOTES, Desktop.BOUNCE,
                Desktop.FILES)) {
            Rect f = fixture.source.demo().windowFrame(name);
            // the title bar: 20 rows under the frame's top border; its middle rows, away from the frame's edges
            int x0 = f.x() + 10;
            int x1 = f.x() + f.width() - 10;
            int y0 = f.y() + 6;
            int y1 = f.y() + 16;
            double[] remote = mean(server.pixels(), ViewerFixture.WIDTH, x0, y0, x1, y1);
            double[] canvas = mean(shown, c[2], (int) Math.ceil(x0 * scale), (int) Math.ceil(y0 * scale),
                    (int) Math.floor(x1 * scale), (int) Math.floor(y1 * scale));
            for (int ch = 0; ch < 3; ch++) {
                assertThat(canvas[ch]).as("%s title bar, channel %d (remote mean %s)", name, ch,
                        java.util.Arrays.toString(remote)).isCloseTo(remote[ch], offset(12.0));
            }
            // the desktop just left of the window, so a blank canvas cannot pass
            double[] around = mean(server.pixels(), ViewerFixture.WIDTH, f.x() - 4, f.y() + f.height() / 2,
                    f.x() - 1, f.y() + f.height() / 2 + 1);
            assertThat(distance(remote, around)).as("%s title bar differs from the desktop around it", name)
                    .isGreaterThan(30);
        }
    }

    @Test
    void pointerIsMappedBackThroughTheScale() throws Exception {
        int[] c = fixture.canvas;
        int[][] points = {{17, 23}, {c[2] / 3, c[3] / 2}, {c[2] - 5, c[3] - 7}, {c[2] / 2 + 1, 40}};
        for (int[] p : points) {
            fixture.source.clear();
            fixture.pointerAt(p[0], p[1]);
            int ex = (int) Math.floor(p[0] / scale);
            int ey = (int) Math.floor(p[1] / scale);
            MouseEvent m = awaitLastMouse();
            assertThat(m.x()).as("remote x of canvas x %d at scale %s", p[0], scale).isBetween(ex - 1, ex + 1);
            assertThat(m.y()).as("remote y of canvas y %d at scale %s", p[1], scale).isBetween(ey - 1, ey + 1);
            assertThat(m.buttons()).isZero();
        }
    }

    /** Waits until the source received a mouse event and nothing more for a moment; returns the last one. */
    private static MouseEvent awaitLastMouse() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen = -1;
        while (System.nanoTime() < deadline) {
            List<Message> events = fixture.source.events();
            if (!events.isEmpty() && events.size() == seen && events.getLast() instanceof MouseEvent m) {
                return m;
            }
            seen = events.size();
            Thread.sleep(100);
        }
        throw new AssertionError("no mouse event arrived; events " + fixture.source.events() + ", viewer output:\n"
                + fixture.viewerOutput());
    }

    /** The reference: Java2D's bilinear scaling of the server's framebuffer to w×h. */
    private static int[] scaleBilinear(Surface server, int w, int h) {
        BufferedImage src = new BufferedImage(server.width(), server.height(), BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, server.width(), server.height(), server.pixels(), 0, server.width());
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst.getRGB(0, 0, w, h, null, 0, w);
    }

    private static double meanAbsoluteDifference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs((a[i] >> shift & 0xFF) - (b[i] >> shift & 0xFF));
            }
        }
        return (double) sum / (3.0 * a.length);
    }

    /** @return mean red, green, blue over [x0, x1) × [y0, y1) */
    private static double[] mean(int[] px, int stride, int x0, int y0, int x1, int y1) {
        double[] m = new double[3];
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = px[y * stride + x];
                m[0] += p >> 16 & 0xFF;
                m[1] += p >> 8 & 0xFF;
                m[2] += p & 0xFF;
                n++;
            }
        }
        for (int i = 0; i < 3; i++) {
            m[i] /= n;
        }
        return m;
    }

    private static double distance(double[] a, double[] b) {
        return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
    }
}
