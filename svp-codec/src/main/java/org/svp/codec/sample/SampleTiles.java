package org.svp.codec.sample;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Desktop tiles for codec tests and the codec micro-benchmarks ({@code ./svp bench codecs}): recorded
 * ones (resources next to this class, ~110 KB, cut from an
 * Xvfb screen with two xterms, 2026-11-30: u16 BE w, u16 BE h, then R,G,B per pixel, gzip) and
 * seeded synthetic ones (a gradient, a photo-like noise field, random few-colour blocks).
 */
public final class SampleTiles {
    /** A tile. @param w columns @param h rows @param rgb {@code 0x00RRGGBB} pixels, stride w */
    public record Tile(int w, int h, int[] rgb) {
    }

    /** The recorded files. */
    public static final String[] RECORDED = {"xterm-text", "xterm-colour-ls", "xterm-navy", "desktop-edge",
        "xterm-desktop-1280x800"};

    private SampleTiles() {
    }

    /**
     * @param name a {@link #RECORDED} name
     * @return its pixels
     */
    public static Tile recorded(String name) {
        try (InputStream in = SampleTiles.class.getResourceAsStream(name + ".rgb.gz")) {
            if (in == null) {
                throw new IllegalArgumentException("no tile " + name);
            }
            DataInputStream d = new DataInputStream(new GZIPInputStream(in));
            int w = d.readUnsignedShort();
            int h = d.readUnsignedShort();
            byte[] b = d.readNBytes(w * h * 3);
            int[] px = new int[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = (b[3 * i] & 0xFF) << 16 | (b[3 * i + 1] & 0xFF) << 8 | (b[3 * i + 2] & 0xFF);
            }
            return new Tile(w, h, px);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return seeded synthetic tiles by name */
    public static Map<String, Tile> synthetic() {
        Map<String, Tile> m = new LinkedHashMap<>();
        m.put("solid", fill(64, 64, (x, y) -> 0x336699));
        m.put("gradient", fill(256, 128, (x, y) -> (x & 0xFF) << 16 | (y * 2 & 0xFF) << 8 | ((x + y) / 2 & 0xFF)));
        Random r = new Random(12);
        m.put("noise", fill(128, 64, (x, y) -> r.nextInt() & 0xFFFFFF));
        Random r2 = new Random(7);
        int[] photo = new int[192 * 96];
        int v = 0x808080;
        for (int i = 0; i < photo.length; i++) { // a random walk: smooth but never repeating, like a photo
            int dr = r2.nextInt(7) - 3;
            int dg = r2.nextInt(7) - 3;
            int db = r2.nextInt(7) - 3;
            v = clamp((v >> 16) + dr) << 16 | clamp((v >> 8 & 0xFF) + dg) << 8 | clamp((v & 0xFF) + db);
            photo[i] = v;
        }
        m.put("photo", new Tile(192, 96, photo));
        Random r3 = new Random(3);
        int[] pal = new int[200];
        for (int i = 0; i < pal.length; i++) {
            pal[i] = r3.nextInt() & 0xFFFFFF;
        }
        m.put("palette-200", fill(100, 50, (x, y) -> pal[(x / 3 + y * 7) % pal.length]));
        m.put("palette-256", fill(64, 64, (x, y) -> ((x * 64 + y) % 256) * 0x010203 & 0xFFFFFF));
        m.put("palette-257", fill(257, 1, (x, y) -> x * 0x010101 + (x == 256 ? 0x010000 : 0)));
        m.put("two-colours-odd", fill(13, 7, (x, y) -> ((x * y) % 3 == 0) ? 0xFFFFFF : 0));
        m.put("one-pixel", fill(1, 1, (x, y) -> 0xABCDEF));
        m.put("empty", new Tile(0, 0, new int[0]));
        m.put("top-byte-set", fill(16, 16, (x, y) -> 0xFF000000 | x * 16 + y));
        return m;
    }

    private static int clamp(int c) {
        return Math.max(0, Math.min(255, c));
    }

    private interface PixelFn {
        int at(int x, int y);
    }

    private static Tile fill(int w, int h, PixelFn f) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = f.at(x, y);
            }
        }
        return new Tile(w, h, px);
    }
}
