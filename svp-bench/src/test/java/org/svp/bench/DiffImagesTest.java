package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svp.render.Surface;

/**
 * The PNGs bench x11 writes for a differing comparison hold the pictures as they were: the X server's,
 * the measuring client's and a late joiner's.
 */
class DiffImagesTest {
    @TempDir
    Path dir;

    @Test
    void writesThePicturesPixelForPixel() throws Exception {
        XwdImage ref = new XwdImage(2, 1, new int[] {0x112233, 0xABCDEF});
        Surface seen = new Surface(2, 1);
        seen.pixels()[0] = 0x112233;
        seen.pixels()[1] = 0x000001;
        Surface late = new Surface(2, 1);
        late.pixels()[0] = 0x112233;
        late.pixels()[1] = 0xABCDEF;
        DiffImages.write(dir, ref, seen, () -> late);
        BufferedImage x = ImageIO.read(dir.resolve("1-xwd.png").toFile());
        BufferedImage s = ImageIO.read(dir.resolve("1-svp.png").toFile());
        assertThat(x.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xABCDEF);
        assertThat(s.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x112233);
        assertThat(s.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x000001);
        BufferedImage l = ImageIO.read(dir.resolve("1-late.png").toFile());
        assertThat(l.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xABCDEF);
    }
}
