package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The picture comparison of {@code svp bench x11}: xwd parsing, identical / PSNR / SSIM, the JSON. */
class FrameQualityTest {

    @Test
    void identicalFramesAreIdentical() {
        int[] a = gradient(64, 32);
        FrameQuality q = FrameQuality.compare(a, a.clone(), 64, 32);
        assertThat(q.identical()).isTrue();
        assertThat(q.differing()).isZero();
        assertThat(q.psnrDb()).isInfinite();
        assertThat(q.ssim()).isEqualTo(1.0);
    }

    @Test
    void oneChannelOffByOneEverywhereGivesTheTextbookPsnr() {
        int[] a = gradient(64, 32);
        int[] b = a.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] ^= 1; // blue off by exactly one
        }
        FrameQuality q = FrameQuality.compare(a, b, 64, 32);
        assertThat(q.identical()).isFalse();
        assertThat(q.differing()).isEqualTo(64 * 32);
        // MSE = 1/3 over R, G, B → PSNR = 10·log10(255² · 3)
        assertThat(q.psnrDb()).isCloseTo(10 * Math.log10(255.0 * 255.0 * 3), within(1e-9));
        assertThat(q.ssim()).isBetween(0.99, 1.0);
    }

    @Test
    void aBlackFrameAgainstAPictureHasLowSsim() {
        int[] a = gradient(64, 64);
        FrameQuality q = FrameQuality.compare(a, new int[64 * 64], 64, 64);
        assertThat(q.ssim()).isLessThan(0.2);
        assertThat(q.psnrDb()).isLessThan(15);
    }

    @Test
    void readsAnLsbFirst32BitZPixmapDump() throws IOException {
        int w = 3;
        int h = 2;
        int[] px = {0x112233, 0x445566, 0x778899, 0xAABBCC, 0xDDEEFF, 0x010203};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        int headerSize = 100 + 4; // header + "x\0" padded window name
        int[] header = {headerSize, 7, 2, 24, w, h, 0, 0, 32, 0, 32, 32, w * 4 + 4, 4, 0xFF0000, 0x00FF00, 0x0000FF, 8,
                256, 2, w, h, 0, 0, 0};
        for (int v : header) {
            d.writeInt(v);
        }
        d.write(new byte[] {'x', 0, 0, 0});
        d.write(new byte[2 * 12]); // two XWDColor entries
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = px[y * w + x] | 0x5A000000; // the pad byte is not part of the colour
                d.write(new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)});
            }
            d.write(new byte[4]); // row padding (bytes_per_line > w * 4)
        }
        XwdImage img = XwdImage.parse(bytes.toByteArray());
        assertThat(img.width()).isEqualTo(w);
        assertThat(img.height()).isEqualTo(h);
        assertThat(img.pixels()).containsExactly(px);
    }

    @Test
    void jsonNestsObjectsSoDottedNamesArePaths() {
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("svp", Map.of("lossless", Map.of("bytes", 12345L)));
        report.put("psnr", Double.POSITIVE_INFINITY);
        report.put("list", List.of(0.5, true, "a\"b"));
        String json = BenchJson.write(report);
        assertThat(json).isEqualTo("""
                {
                  "svp": {
                    "lossless": {
                      "bytes": 12345
                    }
                  },
                  "psnr": null,
                  "list": [
                    0.5,
                    true,
                    "a\\"b"
                  ]
                }
                """);
    }

    @Test
    void runsFoldIntoMedians() {
        Map<String, Object> a = Map.of("x", Map.of("bytes", 10L, "ok", true, "cpu", 1.0));
        Map<String, Object> b = Map.of("x", Map.of("bytes", 30L, "ok", false, "cpu", 3.0));
        Map<String, Object> c = Map.of("x", Map.of("bytes", 20L, "ok", true, "cpu", 2.5));
        @SuppressWarnings("unchecked")
        Map<String, Object> x = (Map<String, Object>) BenchJsonMerge.median(List.of(a, b, c)).get("x");
        assertThat(x).containsEntry("bytes", 20L).containsEntry("ok", false).containsEntry("cpu", 2.5);
    }

    private static int[] gradient(int w, int h) {
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = (x * 4 & 0xFF) << 16 | (y * 8 & 0xFF) << 8 | ((x + y) * 3 & 0xFF);
            }
        }
        return p;
    }
}
