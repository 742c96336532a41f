package org.svp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the workload's photo slideshow is on the screen: the window titled {@value #WINDOW_NAME}
 * (ImageMagick's {@code display}, 640×400 at +630+10 in ../shared/bench/workload.py), found with
 * {@code xwininfo -name} while the workload is frozen, so that {@code svp bench x11} can give the PSNR of
 * the photographic region on its own (issue 13: "photo regions PSNR ≥ 40 dB"). Benchmark thread.
 *
 * @param x left edge on the screen
 * @param y top edge
 * @param width width
 * @param height height
 */
record PhotoArea(int x, int y, int width, int height) {
    /** The slideshow window's title in the shared workload. */
    static final String WINDOW_NAME = "slide";
    private static final Pattern FIELD = Pattern.compile("^\\s*(Absolute upper-left X|Absolute upper-left Y|Width|Height):"
            + "\\s*(-?\\d+)", Pattern.MULTILINE);

    /**
     * @param display the X display
     * @param screenWidth its width
     * @param screenHeight its height
     * @return the slideshow window's area clipped to the screen, or null if there is none (another workload)
     */
    static PhotoArea locate(String display, int screenWidth, int screenHeight) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("xwininfo", "-display", display, "-name", WINDOW_NAME)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? parse(out, screenWidth, screenHeight) : null;
    }

    /**
     * @param xwininfo the output of {@code xwininfo -name}
     * @param screenWidth the screen's width
     * @param screenHeight the screen's height
     * @return the window's area clipped to the screen, or null if a field is missing or nothing is on screen
     */
    static PhotoArea parse(String xwininfo, int screenWidth, int screenHeight) {
        int[] v = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        Matcher m = FIELD.matcher(xwininfo);
        while (m.find()) {
            int i = switch (m.group(1)) {
                case "Absolute upper-left X" -> 0;
                case "Absolute upper-left Y" -> 1;
                case "Width" -> 2;
                default -> 3;
            };
            v[i] = Integer.parseInt(m.group(2));
        }
        for (int f : v) {
            if (f == Integer.MIN_VALUE) {
                return null;
            }
        }
        int x0 = Math.max(0, v[0]);
        int y0 = Math.max(0, v[1]);
        int x1 = Math.min(screenWidth, v[0] + v[2]);
        int y1 = Math.min(screenHeight, v[1] + v[3]);
        return x1 > x0 && y1 > y0 ? new PhotoArea(x0, y0, x1 - x0, y1 - y0) : null;
    }

    /**
     * @param reference the X server's screen (0x00RRGGBB, row-major)
     * @param seen a client's picture of the same size
     * @param screenWidth width of both
     * @return this area of {@code seen} against the same area of {@code reference}
     */
    FrameQuality compare(int[] reference, int[] seen, int screenWidth) {
        return FrameQuality.compare(crop(reference, screenWidth), crop(seen, screenWidth), width, height);
    }

    /**
     * @param reference the X server's screen (0x00RRGGBB, row-major)
     * @param areaPixels a client's picture of just this area (width × height, row-major)
     * @param screenWidth the screen's width
     * @return {@code areaPixels} against this area of {@code reference}
     */
    FrameQuality compareArea(int[] reference, int[] areaPixels, int screenWidth) {
        return FrameQuality.compare(crop(reference, screenWidth), areaPixels, width, height);
    }

    private int[] crop(int[] pixels, int screenWidth) {
        int[] out = new int[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(pixels, (y + row) * screenWidth + x, out, row * width, width);
        }
        return out;
    }
}
