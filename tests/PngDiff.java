import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Compares two snapshots of a screen that animates in known places (run as a single-file program by
 * tests/cli-smoke.sh). Usage: {@code java PngDiff.java A.png B.png [--ignore X,Y,W,H]... [--max-black PCT]}.
 * Prints one line: how many pixels differ, how many of them outside the ignored rects, and the share of
 * pure black pixels in each picture. Exit 0 if nothing differs outside the ignored rects and neither
 * picture is more than PCT % black (default 50), else 1.
 */
public final class PngDiff {
    public static void main(String[] args) throws Exception {
        BufferedImage a = ImageIO.read(new File(args[0]));
        BufferedImage b = ImageIO.read(new File(args[1]));
        List<int[]> ignore = new ArrayList<>();
        double maxBlack = 50;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--ignore")) {
                String[] p = args[++i].split(",");
                ignore.add(new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3])});
            } else if (args[i].equals("--max-black")) {
                maxBlack = Double.parseDouble(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            System.out.printf("size differs: %dx%d vs %dx%d%n", a.getWidth(), a.getHeight(), b.getWidth(), b.getHeight());
            System.exit(1);
        }
        int w = a.getWidth();
        int h = a.getHeight();
        long diff = 0;
        long outside = 0;
        long blackA = 0;
        long blackB = 0;
        int[] box = {w, h, -1, -1}; // bounding box of the differences outside the ignored rects
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int pa = a.getRGB(x, y) & 0xFFFFFF;
                int pb = b.getRGB(x, y) & 0xFFFFFF;
                blackA += pa == 0 ? 1 : 0;
                blackB += pb == 0 ? 1 : 0;
                if (pa != pb) {
                    diff++;
                    if (!ignored(ignore, x, y)) {
                        outside++;
                        box[0] = Math.min(box[0], x);
                        box[1] = Math.min(box[1], y);
                        box[2] = Math.max(box[2], x);
                        box[3] = Math.max(box[3], y);
                    }
                }
            }
        }
        double pctA = 100.0 * blackA / ((long) w * h);
        double pctB = 100.0 * blackB / ((long) w * h);
        System.out.printf("%d pixels differ, %d outside the animated areas%s; black %.1f%% / %.1f%%%n", diff, outside,
                outside > 0 ? String.format(" (within %d,%d..%d,%d)", box[0], box[1], box[2], box[3]) : "", pctA, pctB);
        System.exit(outside == 0 && pctA <= maxBlack && pctB <= maxBlack ? 0 : 1);
    }

    private static boolean ignored(List<int[]> rects, int x, int y) {
        for (int[] r : rects) {
            if (x >= r[0] && y >= r[1] && x < r[0] + r[2] && y < r[1] + r[3]) {
                return true;
            }
        }
        return false;
    }
}
