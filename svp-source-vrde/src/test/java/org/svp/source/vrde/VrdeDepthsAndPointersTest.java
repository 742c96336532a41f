package org.svp.source.vrde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.message.CursorShape;
import org.svp.render.Surface;
import org.svp.source.vrde.ring.RingLayout;

/**
 * Header-only updates (BITMAP records) at 32/24/16/8 bpp with resizes in between, ring wrap-around,
 * and both pointer forms, checked pixel for pixel at the client. Expected pixels are computed here
 * from the depth's definition (16 bpp: RGB565 widened by bit replication; 8 bpp: RGB 3-3-2 widened
 * the same way).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VrdeDepthsAndPointersTest {
    private VrdeFixture fx;

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    private static int rep(int v, int bits) {
        int r = v << (8 - bits);
        for (int s = bits; s < 8; s += bits) {
            r |= r >> s;
        }
        return r & 0xFF;
    }

    /** The picture at {@code bpp}: framebuffer bytes and the 0x00RRGGBB each pixel means. */
    private static Surface picture(int w, int h, int bpp, ByteBuffer rows) {
        Surface s = new Surface(w, h);
        for (int i = 0; i < w * h; i++) {
            int r = (i * 37) & 0xFF;
            int g = (i * 11 + 50) & 0xFF;
            int b = (i * 5 + 100) & 0xFF;
            int rgb;
            switch (bpp) {
                case 32 -> {
                    rows.put((byte) b).put((byte) g).put((byte) r).put((byte) 0x99);
                    rgb = r << 16 | g << 8 | b;
                }
                case 24 -> {
                    rows.put((byte) b).put((byte) g).put((byte) r);
                    rgb = r << 16 | g << 8 | b;
                }
                case 16 -> {
                    int p = (r >> 3) << 11 | (g >> 2) << 5 | b >> 3;
                    rows.putShort((short) p);
                    rgb = rep(r >> 3, 5) << 16 | rep(g >> 2, 6) << 8 | rep(b >> 3, 5);
                }
                default -> {
                    int p = (r >> 5) << 5 | (g >> 5) << 2 | b >> 6;
                    rows.put((byte) p);
                    rgb = rep(r >> 5, 3) << 16 | rep(g >> 5, 3) << 8 | rep(b >> 6, 2);
                }
            }
            s.pixels()[i] = rgb;
        }
        return s;
    }

    @Test
    void headerOnlyUpdatesAtEveryDepthWithResizes() throws Exception {
        fx = new VrdeFixture();
        fx.connect();
        int[][] modes = {{64, 48, 32}, {50, 40, 24}, {33, 21, 16}, {70, 30, 8}, {64, 48, 32}};
        for (int[] m : modes) {
            int w = m[0];
            int h = m[1];
            int bpp = m[2];
            ByteBuffer rows = ByteBuffer.allocate(w * h * ((bpp + 7) / 8)).order(ByteOrder.LITTLE_ENDIAN);
            Surface expected = picture(w, h, bpp, rows);
            fx.module.resize(w, h, bpp);
            // two bands, as the module splits big areas
            int rowBytes = w * ((bpp + 7) / 8);
            byte[] all = rows.array();
            int top = h / 2;
            fx.module.bitmap(0, 0, w, top, bpp, java.util.Arrays.copyOfRange(all, 0, top * rowBytes));
            fx.module.bitmap(0, top, w, h - top, bpp, java.util.Arrays.copyOfRange(all, top * rowBytes, all.length));
            fx.module.complete();
            fx.awaitScreen(expected, w + "x" + h + " at " + bpp + " bpp");
        }
    }

    @Test
    void aSmallRingWrapsWithPadRecords() throws Exception {
        fx = new VrdeFixture(1 << 16); // 64 KiB: records of up to 16 KiB
        fx.connect();
        int w = 40;
        int h = 30;
        fx.module.resize(w, h, 32);
        int[] px = new int[w * h];
        for (int round = 0; round < 200; round++) { // ~1 MB through a 64 KiB ring
            for (int i = 0; i < px.length; i++) {
                px[i] = (int) ((i * 2654435761L + round * 97) & 0xFFFFFF);
            }
            fx.module.bitmap32(0, 0, w, h, px, w);
        }
        fx.module.complete();
        Surface expected = new Surface(w, h);
        System.arraycopy(px, 0, expected.pixels(), 0, px.length);
        fx.awaitScreen(expected, "after 200 full-screen bitmaps through a 64 KiB ring");
    }

    @Test
    void bothPointerFormsBecomeCursorShapes() throws Exception {
        fx = new VrdeFixture();
        fx.connect();
        fx.module.resize(32, 32, 32);
        fx.module.complete();
        // legacy: 3x2, hot spot (1,1), mask rows of 1 byte, 24-bpp rows of 9 bytes, both bottom-up
        ByteBuffer legacy = ByteBuffer.allocate(12 + 2 + 18).order(ByteOrder.LITTLE_ENDIAN);
        legacy.putShort((short) 1).putShort((short) 1).putShort((short) 3).putShort((short) 2).putShort((short) 2)
                .putShort((short) 18);
        legacy.put((byte) 0x20).put((byte) 0x80); // bottom row: x=2 transparent; top row: x=0 transparent
        byte[] bottom = {1, 2, 3, 4, 5, 6, 0, 0, 0};
        byte[] top = {0, 0, 0, 7, 8, 9, 10, 11, 12};
        legacy.put(bottom).put(top);
        fx.module.pointer(RingLayout.POINTER_COLOR, legacy.array());
        CursorShape c = awaitCursor(3);
        assertThat(c.xHot()).isEqualTo(1);
        assertThat(c.yHot()).isEqualTo(1);
        assertThat(c.height()).isEqualTo(2);
        assertThat(c.andMask()).containsExactly(0x80, 0x20);
        assertThat(c.color()).containsExactly(0, 0, 0, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 0, 0, 0);

        // MOUSEPTR with alpha, 2x2, top-down B,G,R,A
        ByteBuffer mp = ByteBuffer.allocate(14 + 16).order(ByteOrder.LITTLE_ENDIAN);
        mp.putShort((short) 0).putShort((short) 1).putShort((short) 2).putShort((short) 2).putShort((short) 0).putInt(16);
        mp.put(new byte[] {10, 20, 30, (byte) 255, 40, 50, 60, 0, 70, 80, 90, (byte) 200, 1, 2, 3, 100});
        fx.module.pointer(RingLayout.POINTER_MOUSEPTR, mp.array());
        c = awaitCursor(2);
        assertThat(c.yHot()).isEqualTo(1);
        assertThat(c.andMask()).containsExactly(0x40, 0x40);
        assertThat(c.color()).containsExactly(10, 20, 30, 0, 0, 0, 70, 80, 90, 0, 0, 0);

        // MOUSEPTR with an AND mask (2x1): mask then data, colour kept as XOR
        ByteBuffer mm = ByteBuffer.allocate(14 + 4 + 8).order(ByteOrder.LITTLE_ENDIAN);
        mm.putShort((short) 0).putShort((short) 0).putShort((short) 4).putShort((short) 1).putShort((short) 4).putInt(16);
        mm = ByteBuffer.allocate(14 + 4 + 16).order(ByteOrder.LITTLE_ENDIAN);
        mm.putShort((short) 0).putShort((short) 0).putShort((short) 4).putShort((short) 1).putShort((short) 4).putInt(16);
        mm.put(new byte[] {(byte) 0x50, 0, 0, 0});
        mm.put(new byte[] {1, 1, 1, 0, 2, 2, 2, 0, 3, 3, 3, 0, 4, 4, 4, 0});
        fx.module.pointer(RingLayout.POINTER_MOUSEPTR, mm.array());
        c = awaitCursor(4);
        assertThat(c.andMask()).containsExactly(0x50);
        assertThat(c.color()).containsExactly(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4);

        fx.module.record(RingLayout.POINTER_HIDE, new byte[0]);
        c = awaitCursor(1);
        assertThat(c.andMask()).containsExactly(0x80);
        assertThat(c.color()).containsExactly(0, 0, 0);
    }

    private CursorShape awaitCursor(int width) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            CursorShape c = fx.client.cursor();
            if (c != null && c.width() == width) {
                return c;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no cursor of width " + width + " arrived; last " + fx.client.cursor());
    }
}
