package org.svp.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.svp.render.Surface;

/**
 * For finding out why a compared frame differs: with {@code -Dsvp.bench.diffdir=DIR}, {@code bench x11}
 * writes the X server's picture and the SVP client's as PNGs ({@code N-xwd.png}, {@code N-svp.png}) each
 * time a comparison ends different. Called on the benchmark thread; failures are printed, not thrown.
 */
final class DiffImages {
    private static int count;

    private DiffImages() {
    }

    /**
     * @param late the picture of a client connecting now (the server's mirror), or null: written as
     *     {@code N-late.png}, with how many of its pixels differ from each of the other two
     */
    static synchronized void write(Path dir, XwdImage ref, Surface seen, Callable<Surface> late) {
        try {
            Files.createDirectories(dir);
            int n = ++count;
            png(dir.resolve(n + "-xwd.png"), ref.pixels(), ref.width(), ref.height());
            png(dir.resolve(n + "-svp.png"), seen.pixels(), seen.width(), seen.height());
            System.out.println("differing frame written to " + dir.resolve(n + "-{xwd,svp}.png"));
            if (late != null) {
                Surface l = late.call();
                png(dir.resolve(n + "-late.png"), l.pixels(), l.width(), l.height());
                System.out.println("a late joiner's picture differs from the X server's in " + differing(l, ref.pixels())
                        + " pixels, from the measuring client's in " + differing(l, seen.pixels()) + ": "
                        + dir.resolve(n + "-late.png"));
            }
        } catch (Exception e) {
            System.out.println("could not write the differing frame: " + e.getMessage());
        }
    }

    /** @return how many of {@code s}'s pixels differ in RGB from {@code other} ({@link FrameQuality}); all when the sizes do */
    private static long differing(Surface s, int[] other) {
        int[] px = s.pixels();
        return px.length != other.length ? Math.max(px.length, other.length)
                : FrameQuality.compare(px, other, s.width(), s.height()).differing();
    }

    private static void png(Path file, int[] px, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(img, "png", file.toFile());
    }
}
