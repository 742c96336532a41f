package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svp.render.Surface;

/** The PNGs bench x11 writes for a differing comparison hold both pictures as they were. */
class DiffImagesTest {
    @TempDir
    Path dir;

    @Test
    void writesBothPicturesPixelForPixel() throws Exception {
        XwdImage ref = new XwdImage(2, 1, new int[] {0x112233, 0xABCDEF});
        Surface seen = new Surface(2, 1);
        seen.pixels()[0] = 0x112233;
        seen.pixels()[1] = 0x000001;
        DiffImages.write(dir, ref, seen);
        BufferedImage x = ImageIO.read(dir.resolve("1-xwd.png").toFile());
        BufferedImage s = ImageIO.read(dir.resolve("1-svp.png").toFile());
        assertThat(x.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xABCDEF);
        assertThat(s.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x112233);
        assertThat(s.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x000001);
    }
}
