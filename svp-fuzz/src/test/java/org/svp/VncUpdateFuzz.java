package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.vnc.rfb.RfbIn;
import org.svp.source.vnc.rfb.ServerMessageDecoder;
import org.svp.source.vnc.rfb.UpdateListener;

/**
 * VNC source: what a hostile VNC server may send after the hand-shake, through
 * {@link ServerMessageDecoder} (FramebufferUpdate in Raw, CopyRect, Hextile, ZRLE, Tight and the
 * pseudo-encodings; colour map, bell, cut text). Input: u8 width − 1, u8 height − 1 of the framebuffer,
 * u8 piece size − 1 (the bytes arrive in pieces that size, as from a socket), then the server's bytes.
 * The only failure allowed is an {@link UpstreamException} with a one-line message; every rectangle
 * handed on lies inside the framebuffer at its current size, with exactly w × h × 4 bytes of pixels.
 */
class VncUpdateFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 3) {
            return;
        }
        int w = (input[0] & 0xFF) + 1;
        int h = (input[1] & 0xFF) + 1;
        int piece = (input[2] & 0xFF) + 1;
        Checker checker = new Checker(w, h);
        ServerMessageDecoder d = new ServerMessageDecoder(w, h, checker);
        ByteBuf buf = Unpooled.buffer();
        try {
            for (int i = 3; i < input.length; i += piece) {
                buf.writeBytes(input, i, Math.min(piece, input.length - i));
                d.decodeAvailable(new RfbIn(buf));
                buf.discardReadBytes();
            }
        } catch (UpstreamException e) {
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("the VNC server sent bad data: ");
        } finally {
            d.close();
        }
    }

    /** Checks every call against the framebuffer size it knows. */
    private static final class Checker implements UpdateListener {
        private int width;
        private int height;

        Checker(int width, int height) {
            this.width = width;
            this.height = height;
        }

        private void inside(int x, int y, int w, int h) {
            assertThat(x + w).isLessThanOrEqualTo(width);
            assertThat(y + h).isLessThanOrEqualTo(height);
            assertThat(w).isPositive();
            assertThat(h).isPositive();
        }

        @Override
        public void updateStarted() {
        }

        @Override
        public void pixels(int encoding, int x, int y, int w, int h, byte[] bgrx) {
            inside(x, y, w, h);
            assertThat(bgrx).hasSize(w * h * 4);
        }

        @Override
        public void copy(int x, int y, int w, int h, int srcX, int srcY) {
            inside(x, y, w, h);
            inside(srcX, srcY, w, h);
        }

        @Override
        public void resized(int w, int h, int screenId) {
            assertThat((long) w * h).isBetween(1L, (long) ServerMessageDecoder.MAX_PIXELS);
            width = w;
            height = h;
        }

        @Override
        public void extendedDesktopSize(int reason, int status, int w, int h) {
        }

        @Override
        public void cursor(int hotX, int hotY, int w, int h, byte[] bgrx, byte[] mask) {
            assertThat(hotX).isBetween(0, w - 1);
            assertThat(hotY).isBetween(0, h - 1);
            assertThat(bgrx).hasSize(w * h * 4);
            assertThat(mask).hasSize((w + 7) / 8 * h);
        }

        @Override
        public void qemuExtendedKeys() {
        }

        @Override
        public void updateFinished() {
        }
    }
}
