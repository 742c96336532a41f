package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.svp.codec.BitmapDecoder;
import org.svp.protocol.message.Bitmap;
import org.svp.source.vrde.pixels.FramebufferPixels;

/**
 * VRDE source: a BITMAP record's framebuffer rows in every depth the module sends (32, 24, 16, 15, 8
 * bpp, and unsupported ones) through {@link FramebufferPixels}. Input: u8 depth, u8 w, u8 h, u16 row
 * bytes, u8 offset, then the rows. Rows that do not fit are an {@link IllegalArgumentException}; a
 * converted bitmap is a RAW message the client decodes to w × h pixels.
 */
class VrdePixelsFuzz {
    private static final int[] DEPTHS = {32, 24, 16, 15, 8, 0, 1, 4, 12, 64};

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length < 6) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        int bpp = DEPTHS[(b.get(0) & 0xFF) % DEPTHS.length];
        int w = b.get(1) & 0xFF;
        int h = b.get(2) & 0xFF;
        int rowBytes = b.getShort(3) & 0xFFFF;
        int offset = b.get(5) & 0xFF;
        Bitmap bitmap;
        try {
            bitmap = FramebufferPixels.toBitmap(input, 6 + offset, rowBytes, bpp, 3, 4, w, h);
        } catch (IllegalArgumentException bad) {
            return;
        }
        assertThat(new BitmapDecoder().decode(bitmap, 10)).hasSize(w * h);
    }
}
