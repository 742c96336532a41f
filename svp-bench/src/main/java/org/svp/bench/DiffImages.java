package org.svp.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static synchronized void write(Path dir, XwdImage ref, Surface seen) {
        try {
            Files.createDirectories(dir);
            int n = ++count;
            png(dir.resolve(n + "-xwd.png"), ref.pixels(), ref.width(), ref.height());
            png(dir.resolve(n + "-svp.png"), seen.pixels(), seen.width(), seen.height());
            System.out.println("differing frame written to " + dir.resolve(n + "-{xwd,svp}.png"));
        } catch (IOException | RuntimeException e) {
            System.out.println("could not write the differing frame: " + e.getMessage());
        }
    }

    private static void png(Path file, int[] px, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(img, "png", file.toFile());
    }
}
