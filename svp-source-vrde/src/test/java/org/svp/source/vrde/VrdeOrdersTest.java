package org.svp.source.vrde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.DstBlt;
import org.svp.protocol.message.Ellipse;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Line;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.PatternBltBrush;
import org.svp.protocol.message.Polyline;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenBlt;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidBlt;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.source.vrde.control.ControlMessage;

/**
 * Every VRDE order type through the fake module, the VRDE source, a real server and a headless client:
 * after each update the client's screen must equal a reference surface drawn by svp-render from SVP
 * messages written by hand (not by the translator under test).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VrdeOrdersTest {
    static final int W = 160;
    static final int H = 120;

    private VrdeFixture fx;
    private OrderRenderer ref;

    @BeforeEach
    void start() throws Exception {
        fx = new VrdeFixture();
        fx.connect();
        ref = new OrderRenderer(new Surface(W, H));
        int[] bg = new int[W * H];
        for (int i = 0; i < bg.length; i++) {
            bg[i] = ((i % W) * 255 / W) << 16 | ((i / W) * 255 / H) << 8 | (i * 7 & 0xFF);
        }
        fx.module.resize(W, H, 32);
        fx.module.bitmap32(0, 0, W, H, bg, W);
        fx.module.complete();
        fx.module.framebuffer(W, H, bg);
        ref.apply(new ScreenResize(W, H));
        ref.apply(new DirtyRect(rgb32(0, 0, W, H, bg, W)));
        fx.awaitScreen(ref.surface(), "first screen");
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    /** Sends one update (+ COMPLETE), applies the expected SVP messages to the reference, compares. */
    private void step(String name, byte[] update, DisplayMessage... expected) throws InterruptedException {
        fx.module.orders(update);
        fx.module.complete();
        for (DisplayMessage m : expected) {
            ref.apply(m);
        }
        fx.awaitScreen(ref.surface(), name);
    }

    static Bitmap rgb32(int x, int y, int w, int h, int[] rgb, int stride) {
        ByteBuffer b = ByteBuffer.allocate(4 * w * h).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                b.putInt(rgb[(y + r) * stride + x + c] & 0xFFFFFF);
            }
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, b.array());
    }

    static byte[] bgrx(int w, int h, int seed) {
        byte[] b = new byte[4 * w * h];
        for (int i = 0; i < w * h; i++) {
            b[4 * i] = (byte) (i * 13 + seed);
            b[4 * i + 1] = (byte) (i * 29 + seed * 3);
            b[4 * i + 2] = (byte) (i * 7 + seed * 5);
            b[4 * i + 3] = (byte) 0xEE; // X: must not matter
        }
        return b;
    }

    static Bitmap bitmapOf(int x, int y, int w, int h, byte[] bgrx) {
        byte[] d = bgrx.clone();
        for (int i = 3; i < d.length; i += 4) {
            d[i] = 0;
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, d);
    }

    static byte[] hash(int seed) {
        byte[] h = new byte[16];
        for (int i = 0; i < 16; i++) {
            h[i] = (byte) (seed * 31 + i);
        }
        return h;
    }

    @Test
    void everyOrderTypeDrawsLikeTheReference() throws Exception {
        byte[] bits = bgrx(12, 9, 1);
        step("DIRTY_RECT", new OrderBuffer(5, 6, 12, 9).dirtyRect(5, 6, 12, 9, 4, bits).build(),
                new DirtyRect(bitmapOf(5, 6, 12, 9, bits)));
        step("SOLIDRECT", new OrderBuffer(20, 10, 30, 20).solidRect(20, 10, 30, 20, 0x123456).build(),
                new SolidRect(new Rect(20, 10, 30, 20), 0x123456));
        step("SOLIDBLT", new OrderBuffer(30, 15, 40, 30).solidBlt(30, 15, 40, 30, 0x00FF00, 0x5A).build(),
                new SolidBlt(new Rect(30, 15, 40, 30), 0x00FF00, 0x5A));
        step("DSTBLT", new OrderBuffer(0, 0, 25, 25).dstBlt(0, 0, 25, 25, 0x55).build(),
                new DstBlt(new Rect(0, 0, 25, 25), 0x55));
        step("SCREENBLT", new OrderBuffer(10, 40, 50, 30).screenBlt(10, 40, 50, 30, 0, 30, 0xCC).build(),
                new ScreenBlt(new Rect(10, 40, 50, 30), 0, 30, 0xCC));
        byte[] pattern = {(byte) 0xAA, 0x55, (byte) 0xF0, 0x0F, 1, 2, 4, 8};
        step("PATBLTBRUSH", new OrderBuffer(60, 60, 33, 21).patBlt(60, 60, 33, 21, 3, 5, 0xFF0000, 0x0000FF, 0xF0, pattern)
                .build(), new PatternBltBrush(new Rect(60, 60, 33, 21), 3, 5, 0xFF0000, 0x0000FF, 0xF0, pattern));
        byte[] cached = bgrx(16, 16, 9);
        byte[] h1 = hash(1);
        step("CACHED_BITMAP + MEMBLT", new OrderBuffer(100, 20, 10, 12).cachedBitmap(h1, 16, 16, 4, cached)
                        .memBlt(100, 20, 10, 12, 3, 2, 0xCC, h1).build(),
                new CachedBitmap(BitmapHash.of(h1), bitmapOf(0, 0, 16, 16, cached)),
                new MemBlt(new Rect(100, 20, 10, 12), 3, 2, 0xCC, BitmapHash.of(h1)));
        step("LINE", new OrderBuffer(0, 0, W, H).line(3, 100, 150, 80, 13, 0xFFFF00).build(),
                new Line(3, 100, 150, 80, 3, 80, 150, 100, 13, 0xFFFF00));
        int[][] pts = {{40, 110}, {70, 90}, {90, 115}, {120, 95}};
        step("POLYLINE", new OrderBuffer(0, 0, W, H).polyline(20, 100, 7, 0x00FFFF, pts).build(),
                new Polyline(new Point(20, 100), 7, 0x00FFFF, List.of(new Point(40, 110), new Point(70, 90),
                        new Point(90, 115), new Point(120, 95))));
        step("ELLIPSE", new OrderBuffer(110, 60, 40, 30).ellipse(110, 60, 149, 89, 13, 1, 0xFF00FF).build(),
                new Ellipse(new Point(110, 60), new Point(149, 89), 13, 1, 0xFF00FF));
        step("SAVESCREEN save", new OrderBuffer(0, 0, 20, 20).saveScreen(0, 0, 20, 20, 3, 0).build(),
                new SaveScreen(new Point(0, 0), new Point(20, 20), 3));
        byte[] g1 = {(byte) 0xF0, (byte) 0x90, (byte) 0x90, (byte) 0xF0, 0x00, (byte) 0xFF, 0x0F, 0x3C};
        byte[] g2 = {(byte) 0x81, 0x42, 0x24, 0x18, 0x18, 0x24, 0x42, (byte) 0x81, (byte) 0xFF, (byte) 0xFF};
        step("TEXT", new OrderBuffer(40, 40, 40, 14)
                        .text(new int[] {40, 40, 40, 14}, new int[] {40, 40, 40, 14}, 0, 0, 0xFFFFFF, 0x202020,
                                OrderBuffer.glyph(11, 42, 50, 8, 8, 0, -8, g1, 0),
                                OrderBuffer.glyph(12, 52, 50, 8, 10, 1, -9, g2, 8))
                        .build(),
                new Text(new Rect(40, 40, 40, 14), new Rect(40, 40, 40, 14), 24, 0, 0, 0xFFFFFF, 0x202020, List.of(
                        Glyph.of(11, 42, 50, 8, 8, 0, -8, g1), Glyph.of(12, 52, 50, 8, 10, 1, -9, g2))));
        step("DELETED_BITMAP", new OrderBuffer(0, 0, 0, 0).deletedBitmap(h1).build(),
                new DeletedBitmap(BitmapHash.of(h1)));
    }

    @Test
    void boundsAndRepeatsBecomeClipDrawsOfAtMost64Rects() throws Exception {
        OrderBuffer b = new OrderBuffer(0, 0, W, H).bounds(2, 3, 12, 9).solidBlt(0, 0, W, H, 0xFFFFFF, 0x5A);
        List<Rect> rects = new ArrayList<>();
        rects.add(new Rect(2, 3, 10, 6));
        for (int i = 0; i < 69; i++) {
            int x = (i % 10) * 15 + 1;
            int y = (i / 10) * 15 + 14;
            b.repeat(x, y, x + 9, y + 11);
            rects.add(new Rect(x, y, 9, 11));
        }
        SolidBlt blt = new SolidBlt(new Rect(0, 0, W, H), 0xFFFFFF, 0x5A);
        step("BOUNDS + SOLIDBLT + 69 REPEATs", b.build(), new ClipDraw(1, rects.subList(0, 64)), blt,
                new ClipDraw(1, rects.subList(64, 70)), blt);
        step("BOUNDS with an empty rect draws nothing",
                new OrderBuffer(0, 0, W, H).bounds(50, 50, 50, 60).solidRect(0, 0, W, H, 0).build());
    }

    @Test
    void whatSvpCannotDrawIsRefreshedFromTheFramebuffer() throws Exception {
        int[] vm = fx.module.framebuffer.clone();
        for (int y = 30; y < 70; y++) {
            for (int x = 20; x < 90; x++) {
                vm[y * W + x] = 0x3366CC ^ (x * y);
            }
        }
        fx.module.framebuffer(W, H, vm);
        step("SAVESCREEN restore", new OrderBuffer(20, 30, 30, 20).saveScreen(20, 30, 50, 50, 1, 1).build(),
                new DirtyRect(rgb32(20, 30, 30, 20, vm, W)));
        step("MEMBLT of a bitmap never cached", new OrderBuffer(60, 30, 30, 40).memBlt(60, 30, 30, 40, 0, 0, 0xCC, hash(7))
                .build(), new DirtyRect(rgb32(60, 30, 30, 40, vm, W)));
        // a malformed buffer: SOLIDRECT cut short; the header rect comes back from the framebuffer
        byte[] cut = new OrderBuffer(20, 50, 10, 20).solidRect(0, 0, 5, 5, 0).build();
        step("truncated SOLIDRECT", java.util.Arrays.copyOf(cut, cut.length - 3), new DirtyRect(rgb32(20, 50, 10, 20, vm,
                W)));
        assertThat(fx.module.ofType(ControlMessage.REFRESH)).hasSize(3);
        assertThat(fx.source.translationCounters()[0]).as("malformed updates").isEqualTo(1);
    }

    @Test
    void screenBltFromAStaleAreaRefreshesItsDestination() throws Exception {
        fx.module.answerRefresh = false; // the area stays stale
        step("MEMBLT miss", new OrderBuffer(0, 0, 20, 20).memBlt(0, 0, 20, 20, 0, 0, 0xCC, hash(3)).build());
        fx.module.orders(new OrderBuffer(50, 50, 20, 20).screenBlt(50, 50, 20, 20, 10, 10, 0xCC).build());
        fx.module.complete();
        FakeVrdeModule.Msg m = fx.module.await(x -> x.type() == ControlMessage.REFRESH && x.u32(0) == 50,
                "REFRESH of the SCREENBLT's destination");
        assertThat(new int[] {m.u32(0), m.u32(1), m.u32(2), m.u32(3)}).containsExactly(50, 50, 20, 20);
        // fresh pixels for the stale area: a later SCREENBLT from it is sent as an order
        int[] vm = fx.module.framebuffer;
        fx.module.bitmap32(0, 0, 20, 20, vm, W);
        step("SCREENBLT after the refresh", new OrderBuffer(80, 80, 20, 20).screenBlt(80, 80, 20, 20, 0, 0, 0xCC).build(),
                new DirtyRect(rgb32(0, 0, 20, 20, vm, W)), new ScreenBlt(new Rect(80, 80, 20, 20), 0, 0, 0xCC));
        assertThat(fx.module.ofType(ControlMessage.REFRESH)).hasSize(2);
    }
}
