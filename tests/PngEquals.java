import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Compares two images pixel by pixel (RGB, alpha ignored). Exit 0 if equal, 1 with the first
 * difference otherwise. Run as a single-file program by tests/cli-smoke.sh.
 */
public final class PngEquals {
    public static void main(String[] args) throws Exception {
        BufferedImage a = ImageIO.read(new File(args[0]));
        BufferedImage b = ImageIO.read(new File(args[1]));
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            System.err.printf("size differs: %dx%d vs %dx%d%n", a.getWidth(), a.getHeight(), b.getWidth(), b.getHeight());
            System.exit(1);
        }
        int diff = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    if (diff++ == 0) {
                        System.err.printf("first difference at (%d,%d)%n", x, y);
                    }
                }
            }
        }
        if (diff > 0) {
            System.err.println(diff + " pixels differ");
            System.exit(1);
        }
    }
}
