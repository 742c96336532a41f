package org.svp.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Moves surfaces to and from images with {@code javax.imageio} (works headless): screenshots of the
 * headless client, golden images in tests, the Swing viewer's back buffer. Stateless; call it from the
 * surface's owner thread (it reads the live pixels).
 */
public final class SurfaceImages {
    private SurfaceImages() {
    }

    /**
     * @param s
     *     the surface (read, not kept)
     * @return a new {@code TYPE_INT_RGB} image holding a copy of its pixels
     */
    public static BufferedImage toImage(Surface s) {
        BufferedImage image = new BufferedImage(Math.max(1, s.width()), Math.max(1, s.height()),
                BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(s.pixels(), 0, data, 0, s.pixels().length);
        return image;
    }

    /**
     * Writes the surface as a PNG (a 0×0 surface becomes one black pixel, since PNG cannot be empty).
     *
     * @param s
     *     the surface
     * @param p
     *     the file to write (replaced)
     * @throws UncheckedIOException
     *     when the file cannot be written
     */
    public static void writePng(Surface s, Path p) {
        try {
            if (!ImageIO.write(toImage(s), "png", p.toFile())) {
                throw new IOException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + p, e);
        }
    }

    /**
     * Reads a PNG (or any format ImageIO knows) as {@code 0x00RRGGBB} pixels, alpha dropped.
     *
     * @param p
     *     the file
     * @return its pixels, row-major ({@code width × height} of the image)
     * @throws UncheckedIOException
     *     when the file cannot be read or is not an image
     */
    public static int[] readPngRgb(Path p) {
        try {
            BufferedImage image = ImageIO.read(p.toFile());
            if (image == null) {
                throw new IOException("not an image");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            int[] px = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < px.length; i++) {
                px[i] &= 0xFFFFFF;
            }
            return px;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
