package org.svp.vrde.sim.script;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.vrde.sim.guest.GlyphFont;
import org.svp.vrde.sim.guest.GuestOrders;
import org.svp.vrde.sim.guest.GuestScreen;
import org.svp.vrde.sim.guest.PointerShapes;
import org.svp.vrde.sim.host.VrdeHost;

/**
 * Runs a {@link Script} against a {@link GuestScreen} (and through it the loaded module). The command
 * set is documented in docs/vrde.md ("The simulator and its script format"). {@link #check} runs a
 * script without a module and without waiting, so a bad line fails before anything is served.
 *
 * <p>Runs on the caller's thread (the simulator's guest thread).
 */
public final class ScriptRunner {
    private final GuestScreen screen;
    private final VrdeHost host;
    private final PrintStream log;
    private final boolean dry;
    private final GlyphFont font = new GlyphFont(16);
    private final Map<String, byte[]> hashes = new HashMap<>();
    private final List<Long> floodNanos = new ArrayList<>();
    private List<Rect> clips = List.of();
    private int floodCounter;

    /**
     * @param screen the guest
     * @param host the module (for {@code wait-client}); null when checking
     * @param log progress lines (may be null)
     */
    public ScriptRunner(GuestScreen screen, VrdeHost host, PrintStream log) {
        this(screen, host, log, false);
    }

    private ScriptRunner(GuestScreen screen, VrdeHost host, PrintStream log, boolean dry) {
        this.screen = screen;
        this.host = host;
        this.log = log;
        this.dry = dry;
    }

    /**
     * Runs a script on a module-less screen without sleeping or waiting.
     *
     * @param s the script
     * @throws ScriptException for the first bad line
     */
    public static void check(Script s) {
        try (GuestScreen g = new GuestScreen(null, 640, 480, 32)) {
            new ScriptRunner(g, null, null, true).run(s);
        }
    }

    /** @return nanoseconds inside VRDEUpdate of every flood update so far */
    public List<Long> floodNanos() {
        return List.copyOf(floodNanos);
    }

    /**
     * Runs every line in order.
     *
     * @param s the script
     * @throws ScriptException for a bad line (the lines before it have run)
     */
    public void run(Script s) {
        for (Script.Line l : s.lines()) {
            try {
                line(l);
            } catch (ScriptException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScriptException(s.name(), l.number(), "interrupted");
            } catch (RuntimeException e) {
                throw new ScriptException(s.name(), l.number(), l.verb() + ": " + e.getMessage());
            }
        }
    }

    private static int i(List<String> w, int k) {
        if (k >= w.size()) {
            throw new IllegalArgumentException("missing argument " + k);
        }
        return Colors.number(w.get(k), -32768, 65535, "argument " + k);
    }

    private static Rect rect(List<String> w, int k) {
        return new Rect(i(w, k), i(w, k + 1), i(w, k + 2), i(w, k + 3));
    }

    private static void args(List<String> w, int n) {
        if (w.size() != n + 1) {
            throw new IllegalArgumentException("takes " + n + " arguments, got " + (w.size() - 1));
        }
    }

    private void order(org.svp.vrde.sim.guest.GuestOrder o) {
        screen.draw(o, clips);
        clips = List.of();
    }

    private void line(Script.Line l) throws InterruptedException {
        List<String> w = l.words();
        switch (l.verb()) {
            case "resize" -> {
                args(w, 3);
                screen.resize(i(w, 1), i(w, 2), i(w, 3));
            }
            case "clip" -> {
                if ((w.size() - 1) % 4 != 0 || w.size() < 5) {
                    throw new IllegalArgumentException("takes x y w h for each clip rect");
                }
                List<Rect> c = new ArrayList<>();
                for (int k = 1; k < w.size(); k += 4) {
                    c.add(rect(w, k));
                }
                clips = c;
            }
            case "solidrect" -> {
                args(w, 5);
                order(GuestOrders.solidRect(rect(w, 1), Colors.parse(w.get(5))));
            }
            case "solidblt" -> {
                args(w, 6);
                order(GuestOrders.solidBlt(rect(w, 1), Colors.parse(w.get(5)), Colors.rop3(w.get(6))));
            }
            case "dstblt" -> {
                args(w, 5);
                order(GuestOrders.dstBlt(rect(w, 1), Colors.rop3(w.get(5))));
            }
            case "screenblt" -> {
                args(w, 7);
                order(GuestOrders.screenBlt(rect(w, 1), i(w, 5), i(w, 6), Colors.rop3(w.get(7))));
            }
            case "patblt" -> {
                if (w.size() != 9 && w.size() != 11) {
                    throw new IllegalArgumentException("takes x y w h fg bg rop pattern16hex [brushx brushy]");
                }
                String p = w.get(8);
                if (!p.matches("[0-9A-Fa-f]{16}")) {
                    throw new IllegalArgumentException("the brush is 8 rows as 16 hex digits, got '" + p + "'");
                }
                byte[] pat = java.util.HexFormat.of().parseHex(p);
                int bx = w.size() == 11 ? i(w, 9) : 0;
                int by = w.size() == 11 ? i(w, 10) : 0;
                order(GuestOrders.patBltBrush(rect(w, 1), bx, by, Colors.parse(w.get(5)), Colors.parse(w.get(6)),
                        Colors.rop3(w.get(7)), pat));
            }
            case "cache" -> {
                args(w, 4);
                int bw = i(w, 2);
                int bh = i(w, 3);
                int[] px = Patterns.pixels(w.get(4), bw, bh);
                byte[] hash = hash(w.get(1), px);
                hashes.put(w.get(1), hash);
                order(GuestOrders.cachedBitmap(hash, bw, bh, screen.framebuffer().bitsPerPixel(), px));
            }
            case "memblt" -> {
                args(w, 8);
                order(GuestOrders.memBlt(rect(w, 1), i(w, 6), i(w, 7), Colors.rop3(w.get(8)), cached(w.get(5))));
            }
            case "uncache" -> {
                args(w, 1);
                order(GuestOrders.deletedBitmap(cached(w.get(1))));
                hashes.remove(w.get(1));
            }
            case "dirtyrect" -> {
                args(w, 5);
                Rect r = rect(w, 1);
                order(GuestOrders.dirtyRect(r, screen.framebuffer().bitsPerPixel(),
                        Patterns.pixels(w.get(5), r.width(), r.height())));
            }
            case "line" -> {
                args(w, 6);
                order(GuestOrders.line(i(w, 1), i(w, 2), i(w, 3), i(w, 4), Colors.rop2(w.get(5)), Colors.parse(w.get(6))));
            }
            case "polyline" -> {
                if (w.size() < 5) {
                    throw new IllegalArgumentException("takes mix rgb x0,y0 x1,y1 ...");
                }
                List<Point> pts = new ArrayList<>();
                for (int k = 3; k < w.size(); k++) {
                    String[] xy = w.get(k).split(",");
                    if (xy.length != 2) {
                        throw new IllegalArgumentException("'" + w.get(k) + "' is not x,y");
                    }
                    pts.add(new Point(Colors.number(xy[0], -32768, 32767, "x"), Colors.number(xy[1], -32768, 32767, "y")));
                }
                order(GuestOrders.polyline(pts.get(0), Colors.rop2(w.get(1)), Colors.parse(w.get(2)), pts.subList(1, pts.size())));
            }
            case "ellipse" -> {
                args(w, 7);
                order(GuestOrders.ellipse(new Point(i(w, 1), i(w, 2)), new Point(i(w, 3), i(w, 4)), Colors.rop2(w.get(5)),
                        i(w, 6), Colors.parse(w.get(7))));
            }
            case "save", "restore" -> {
                args(w, 5);
                Point p1 = new Point(i(w, 1), i(w, 2));
                Point p2 = new Point(i(w, 3), i(w, 4));
                int ident = Colors.number(w.get(5), 0, 255, "ident");
                if (l.verb().equals("save")) {
                    screen.saveScreen(p1, p2, ident);
                } else {
                    screen.restoreScreen(p1, p2, ident);
                }
                clips = List.of();
            }
            case "text" -> text(l);
            case "bitmap" -> {
                args(w, 5);
                Rect r = rect(w, 1);
                screen.bitmap(r, Patterns.pixels(w.get(5), r.width(), r.height()));
            }
            case "pointer" -> pointer(w);
            case "flood" -> flood(w);
            case "complete" -> {
                args(w, 0);
                screen.complete();
            }
            case "sleep" -> {
                args(w, 1);
                int ms = Colors.number(w.get(1), 0, 600_000, "ms");
                if (!dry) {
                    Thread.sleep(ms);
                }
            }
            case "wait-client" -> {
                int s = w.size() > 1 ? Colors.number(w.get(1), 1, 3600, "seconds") : 600;
                if (!dry && host != null) {
                    say("waiting for a client (at most " + s + " s)");
                    if (!host.recorder().awaitEvents("connect", 1, Duration.ofSeconds(s))) {
                        throw new IllegalArgumentException("no client connected within " + s + " s");
                    }
                }
            }
            case "echo" -> say(l.text().substring(4).strip());
            default -> throw new IllegalArgumentException("unknown command (see docs/vrde.md)");
        }
    }

    /** {@code text X Y FG BG opaque|transparent TEXT...}: one TEXT order, glyphs from a monospaced font. */
    private void text(Script.Line l) {
        List<String> w = l.words();
        if (w.size() < 7) {
            throw new IllegalArgumentException("takes x y fg bg opaque|transparent text...");
        }
        int x = i(w, 1);
        int y = i(w, 2);
        int fg = Colors.parse(w.get(3));
        int bg = Colors.parse(w.get(4));
        boolean opaque = switch (w.get(5)) {
            case "opaque" -> true;
            case "transparent" -> false;
            default -> throw new IllegalArgumentException("'" + w.get(5) + "' is not opaque|transparent");
        };
        String rest = l.text();
        for (int k = 0; k < 6; k++) {
            rest = rest.strip().substring(w.get(k).length());
        }
        String s = rest.strip();
        if (s.length() > 255) {
            throw new IllegalArgumentException("at most 255 characters per text order");
        }
        Rect box = new Rect(x, y, font.cellWidth() * s.length(), font.cellHeight());
        order(GuestOrders.text(box, opaque ? box : new Rect(0, 0, 0, 0), fg, bg, font.layout(s, x, y)));
    }

    private void pointer(List<String> w) {
        if (w.size() == 2 && w.get(1).equals("hide")) {
            screen.hidePointer();
            return;
        }
        if (w.size() != 7) {
            throw new IllegalArgumentException("takes color|mouseptr hotx hoty w h rgb, or hide");
        }
        int hx = i(w, 2);
        int hy = i(w, 3);
        int pw = Colors.number(w.get(4), 1, 256, "width");
        int ph = Colors.number(w.get(5), 1, 256, "height");
        int[] argb = PointerShapes.arrow(pw, ph, Colors.parse(w.get(6)));
        switch (w.get(1)) {
            case "color" -> screen.colorPointer(PointerShapes.color(hx, hy, pw, ph, argb));
            case "mouseptr" -> screen.mousePtr(PointerShapes.mousePtr(hx, hy, pw, ph, argb));
            default -> throw new IllegalArgumentException("'" + w.get(1) + "' is not color|mouseptr|hide");
        }
    }

    /** {@code flood N [W H]}: N header-only updates of W×H (default 64×64) walking over the screen, then complete. */
    private void flood(List<String> w) {
        if (w.size() != 2 && w.size() != 4) {
            throw new IllegalArgumentException("takes n [w h]");
        }
        int n = Colors.number(w.get(1), 0, 10_000_000, "count");
        int fw = w.size() == 4 ? Colors.number(w.get(2), 1, 4096, "width") : 64;
        int fh = w.size() == 4 ? Colors.number(w.get(3), 1, 4096, "height") : 64;
        int sw = screen.framebuffer().width();
        int sh = screen.framebuffer().height();
        int cols = Math.max(1, sw / fw);
        int rows = Math.max(1, sh / fh);
        for (int k = 0; k < n; k++) {
            int c = floodCounter++;
            int cell = c % (cols * rows);
            Rect r = new Rect((cell % cols) * fw, (cell / cols) * fh, Math.min(fw, sw), Math.min(fh, sh));
            int rgb = (c * 0x9E3779B9) >>> 8;
            floodNanos.add(screen.fillHeaderOnly(r, rgb));
        }
        screen.complete();
    }

    private byte[] cached(String name) {
        byte[] h = hashes.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no bitmap '" + name + "' is cached (use cache first)");
        }
        return h;
    }

    private static byte[] hash(String name, int[] px) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(name.getBytes(StandardCharsets.UTF_8));
            for (int p : px) {
                md.update((byte) p);
                md.update((byte) (p >> 8));
                md.update((byte) (p >> 16));
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void say(String s) {
        if (log != null) {
            log.println(s);
        }
    }
}
