package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurfaceTest {
    @Test
    void startsBlackAndCopiesRegionsWithBlackOutside() {
        Surface s = new Surface(4, 3);
        assertThat(s.pixels()).hasSize(12).containsOnly(0);
        s.pixels()[5] = 0x123456;
        assertThat(s.get(1, 1)).isEqualTo(0x123456);
        assertThat(s.copyRegion(0, 0, 2, 2)).containsExactly(0, 0, 0, 0x123456);
        assertThat(s.copyRegion(-1, 0, 3, 2)).containsExactly(0, 0, 0, 0, 0, 0x123456);
        assertThat(s.copyRegion(10, 10, 2, 1)).containsExactly(0, 0);
        assertThatThrownBy(() -> s.get(4, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copyIsIndependentAndResizeIsBlack() {
        Surface s = new Surface(2, 2);
        s.pixels()[0] = 1;
        Surface c = s.copy();
        s.pixels()[0] = 2;
        assertThat(c.get(0, 0)).isEqualTo(1);
        s.resize(3, 1);
        assertThat(s.pixels()).containsExactly(0, 0, 0);
        assertThat(s.width()).isEqualTo(3);
    }

    @Test
    void pngRoundTrip(@TempDir Path dir) {
        Surface s = new Surface(5, 3);
        System.arraycopy(Fixtures.ramp(15), 0, s.pixels(), 0, 15);
        Path png = dir.resolve("s.png");
        SurfaceImages.writePng(s, png);
        assertThat(SurfaceImages.readPngRgb(png)).isEqualTo(s.pixels());
        assertThat(SurfaceImages.toImage(s).getRGB(1, 0) & 0xFFFFFF).isEqualTo(s.get(1, 0));
    }
}
