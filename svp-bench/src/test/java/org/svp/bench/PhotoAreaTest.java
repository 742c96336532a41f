package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The slideshow's area from xwininfo's output, clipped to the screen, and the PSNR of that area alone. */
class PhotoAreaTest {
    /** What {@code xwininfo -name slide} printed for the shared workload under openbox. */
    private static final String XWININFO = """

            xwininfo: Window id: 0xa003de "slide"

              Absolute upper-left X:  631
              Absolute upper-left Y:  30
              Relative upper-left X:  1
              Relative upper-left Y:  20
              Width: 640
              Height: 400
              Depth: 24
            """;

    @Test
    void itReadsTheAbsolutePositionAndSize() {
        assertThat(PhotoArea.parse(XWININFO, 1280, 800)).isEqualTo(new PhotoArea(631, 30, 640, 400));
    }

    @Test
    void itClipsToTheScreenAndRejectsWhatIsOffScreenOrMissing() {
        assertThat(PhotoArea.parse(XWININFO, 1000, 300)).isEqualTo(new PhotoArea(631, 30, 369, 270));
        assertThat(PhotoArea.parse(XWININFO.replace("631", "1400"), 1280, 800)).isNull();
        assertThat(PhotoArea.parse(XWININFO.replace("Height: 400", ""), 1280, 800)).isNull();
        assertThat(PhotoArea.parse("xwininfo: error: No window with name slide exists!", 1280, 800)).isNull();
    }

    @Test
    void itComparesOnlyItsArea() {
        int w = 8;
        int h = 6;
        int[] ref = new int[w * h];
        int[] seen = new int[w * h];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = 0x102030 * (i % 5);
            seen[i] = ref[i];
        }
        seen[0] ^= 0xFF; // outside the area
        seen[3 * w + 4] ^= 0x10; // inside: one sample off by 16
        PhotoArea area = new PhotoArea(2, 2, 4, 3);
        FrameQuality q = area.compare(ref, seen, w);
        assertThat(q.identical()).isFalse();
        assertThat(q.differing()).isEqualTo(1);
        // MSE = 16² / (3 samples × 12 pixels)
        assertThat(q.psnrDb()).isCloseTo(10 * Math.log10(255.0 * 255 / (256.0 / 36)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new PhotoArea(0, 0, 2, 1).compare(ref, seen, w).differing()).isEqualTo(1);
        assertThat(new PhotoArea(5, 5, 3, 1).compare(ref, seen, w).identical()).isTrue();
    }
}
