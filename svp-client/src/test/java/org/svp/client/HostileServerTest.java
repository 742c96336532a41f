package org.svp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.svp.client.HostileServer.frames;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Point;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.CursorShape;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.Glyph;
import org.svp.protocol.message.Nop;
import org.svp.protocol.message.SaveScreen;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.protocol.message.Text;
import org.svp.render.RenderLimits;

/**
 * A server that lies about sizes (docs/security.md "Limits and timeouts", client side): every size is
 * checked before anything is allocated, caches and saved screens stay within their bounds, NOP is
 * ignored, and each failure is one line for the user. Bounded: every wait has a timeout.
 */
@Timeout(120)
class HostileServerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static SvpClient connect(HostileServer s) throws Exception {
        return SvpClient.connect(ClientOptions.viewer("127.0.0.1", s.port()));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        System.gc();
        return r.totalMemory() - r.freeMemory();
    }

    /** A full 64×64 picture: what ends every script so that the first screen marks its end. */
    private static byte[] smallScreen() {
        return frames(new DirtyRect(rgb(0, 0, 64, 64, 0x123456)));
    }

    private static Bitmap rgb(int x, int y, int w, int h, int colour) {
        byte[] data = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            data[4 * i] = (byte) colour;
            data[4 * i + 1] = (byte) (colour >> 8);
            data[4 * i + 2] = (byte) (colour >> 16);
        }
        return new Bitmap(PixelFormat.RGB32, CodecId.RAW, x, y, w, h, data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void hugeScreenResizeIsOneLineAndAllocatesNothing() throws Exception {
        long before = usedHeap();
        try (HostileServer s = new HostileServer(frames(new ScreenResize(32767, 32767)), new byte[0]);
             SvpClient c = connect(s)) {
            assertThatThrownBy(() -> c.screen().awaitFirstScreen(WAIT))
                    .hasMessage("the server asked for a 32767x32767 screen; the limit is 8192x8192");
        }
        assertThat(usedHeap() - before).as("heap growth, bytes").isLessThan(64L << 20);
    }

    @Test
    void nopIsIgnoredOnEveryChannel() throws Exception {
        byte[] display = concat(frames(new Nop(), new ScreenResize(64, 64), new Nop()), smallScreen(), frames(new Nop()));
        try (HostileServer s = new HostileServer(display, frames(new Nop()));
             SvpClient c = connect(s)) {
            c.screen().awaitFirstScreen(WAIT);
            assertThat(c.screen().settle(Duration.ofMillis(200), WAIT)).isTrue();
            assertThat(c.screen().snapshot().get(10, 10)).isEqualTo(0x123456);
        }
    }

    @Test
    void absurdBitmapSizeIsRefusedBeforeDecoding() throws Exception {
        Bitmap huge = new Bitmap(PixelFormat.RGB32, CodecId.LZ4, 0, 0, 65535, 65535, new byte[16]);
        byte[] display = frames(new ScreenResize(64, 64), new DirtyRect(huge));
        long before = usedHeap();
        try (HostileServer s = new HostileServer(display, new byte[0]); SvpClient c = connect(s)) {
            assertThatThrownBy(() -> c.screen().awaitFirstScreen(WAIT))
                    .hasMessageContaining("a 65535x65535 bitmap is larger than the screen limit 8192x8192")
                    .hasMessageNotContaining("\n");
        }
        assertThat(usedHeap() - before).as("heap growth, bytes").isLessThan(64L << 20);
    }

    @Test
    void glyphRunningPastTheMessageIsOneLine() throws Exception {
        Glyph g = Glyph.of(1, 5, 5, 8, 8, 0, 0, new byte[8]);
        Text t = new Text(new Rect(0, 0, 20, 20), new Rect(0, 0, 0, 0), 8, 0, 0, 0xFFFFFF, 0, List.of(g));
        byte[] display = concat(frames(new ScreenResize(64, 64)), HostileServer.patched(t, Text.HEADER_BYTES,
                1 << 30));
        try (HostileServer s = new HostileServer(display, new byte[0]); SvpClient c = connect(s)) {
            assertThatThrownBy(() -> c.screen().awaitFirstScreen(WAIT))
                    .hasMessageContaining("runs past the message end").hasMessageNotContaining("\n");
        }
    }

    @Test
    void cachedBitmapFloodStaysWithinTheCacheBounds() throws Exception {
        ByteArrayOutputStream flood = new ByteArrayOutputStream();
        flood.writeBytes(frames(new ScreenResize(64, 64)));
        for (int i = 0; i < 5000; i++) { // more entries than the bound
            flood.writeBytes(frames(new CachedBitmap(hash(i), rgb(0, 0, 8, 8, i))));
        }
        for (int i = 0; i < 300; i++) { // 300 × 256 KiB: more bytes than the bound
            flood.writeBytes(frames(new CachedBitmap(hash(100_000 + i), rgb(0, 0, 256, 256, i))));
        }
        flood.writeBytes(smallScreen());
        try (HostileServer s = new HostileServer(flood.toByteArray(), new byte[0]); SvpClient c = connect(s)) {
            c.screen().awaitFirstScreen(WAIT);
            assertThat(c.screen().cachedBitmaps()).isLessThanOrEqualTo(RenderLimits.CLIENT.cacheEntries());
            assertThat(c.screen().cachedBitmapBytes()).isLessThanOrEqualTo(RenderLimits.CLIENT.cacheBytes())
                    .isGreaterThan(RenderLimits.CLIENT.cacheBytes() / 2);
            assertThat(c.screen().cacheEvictions()).isGreaterThanOrEqualTo(5300 - 4096);
        }
    }

    @Test
    void threeHundredSaveScreensStayWithinTheByteBound() throws Exception {
        ByteArrayOutputStream saves = new ByteArrayOutputStream();
        saves.writeBytes(frames(new ScreenResize(512, 512)));
        for (int i = 0; i < 300; i++) { // 1 MiB each: 256 MiB if every slot were kept
            saves.writeBytes(frames(new SaveScreen(new Point(0, 0), new Point(512, 512), i % 256)));
        }
        saves.writeBytes(frames(new SolidRect(new Rect(0, 0, 512, 512), 0x00FF00)));
        try (HostileServer s = new HostileServer(saves.toByteArray(), new byte[0]); SvpClient c = connect(s)) {
            c.screen().awaitFirstScreen(WAIT);
            assertThat(c.screen().savedBytes()).isLessThanOrEqualTo(RenderLimits.CLIENT.saveBytes()).isPositive();
        }
    }

    @Test
    void oversizedCursorIsIgnored() throws Exception {
        CursorShape big = new CursorShape(0, 0, 300, 300, new byte[300 * 38], new byte[3000]);
        CursorShape ok = new CursorShape(1, 1, 16, 16, new byte[32], new byte[16 * 16 * 3]);
        byte[] display = concat(frames(new ScreenResize(64, 64)), smallScreen());
        try (HostileServer s = new HostileServer(display, frames(big, ok)); SvpClient c = connect(s)) {
            c.screen().awaitFirstScreen(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (c.cursor() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(c.cursor()).usingRecursiveComparison().isEqualTo(ok);
            assertThat(c.stats().rejectedCursors.sum()).isEqualTo(1);
        }
    }

    private static BitmapHash hash(int i) {
        byte[] b = new byte[BitmapHash.BYTES];
        for (int k = 0; k < 4; k++) {
            b[k] = (byte) (i >> (8 * k));
        }
        return BitmapHash.of(b);
    }
}
