package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.ScreenBlt;

class BltOrdersTest {
    private static final int W = 16;
    private static final int H = 12;
    private final Surface surface = new Surface(W, H);
    private final OrderRenderer renderer = new OrderRenderer(surface);

    private void fillRamp() {
        System.arraycopy(Fixtures.ramp(W * H), 0, surface.pixels(), 0, W * H);
    }

    /** What a correct copy gives: the pixels of the source rect as they were before. */
    private void assertCopied(int[] before, Rect dest, int srcX, int srcY) {
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                boolean inside = x >= dest.x() && x < dest.right() && y >= dest.y() && y < dest.bottom();
                int expected = inside ? before[(srcY + y - dest.y()) * W + srcX + x - dest.x()] : before[y * W + x];
                assertThat(surface.get(x, y)).as("(%d,%d)", x, y).isEqualTo(expected);
            }
        }
    }

    @Test
    void overlappingCopyDownAndRight() {
        fillRamp();
        int[] before = surface.pixels().clone();
        Rect dest = new Rect(3, 2, 8, 6);
        assertThat(renderer.apply(new ScreenBlt(dest, 1, 1, Rop3.SRCCOPY))).isEqualTo(dest);
        assertCopied(before, dest, 1, 1);
    }

    @Test
    void overlappingCopyUpAndLeft() {
        fillRamp();
        int[] before = surface.pixels().clone();
        Rect dest = new Rect(1, 1, 8, 6);
        renderer.apply(new ScreenBlt(dest, 3, 4, Rop3.SRCCOPY));
        assertCopied(before, dest, 3, 4);
    }

    @Test
    void overlappingCopyWithinOneRow() {
        fillRamp();
        int[] before = surface.pixels().clone();
        Rect dest = new Rect(2, 5, 10, 1);
        renderer.apply(new ScreenBlt(dest, 0, 5, Rop3.SRCCOPY));
        assertCopied(before, dest, 0, 5);
        before = surface.pixels().clone();
        renderer.apply(new ScreenBlt(new Rect(0, 5, 10, 1), 2, 5, Rop3.SRCCOPY));
        assertCopied(before, new Rect(0, 5, 10, 1), 2, 5);
    }

    @Test
    void sourceOffTheScreenReadsBlack() {
        fillRamp();
        int[] before = surface.pixels().clone();
        renderer.apply(new ScreenBlt(new Rect(0, 0, 4, 2), -2, H - 1, Rop3.SRCCOPY));
        assertThat(surface.get(0, 0)).isZero();
        assertThat(surface.get(1, 0)).isZero();
        assertThat(surface.get(2, 0)).isEqualTo(before[(H - 1) * W]);
        assertThat(surface.get(3, 0)).isEqualTo(before[(H - 1) * W + 1]);
        assertThat(surface.get(2, 1)).isZero();
    }

    @Test
    void screenBltWithXorRop() {
        fillRamp();
        int[] before = surface.pixels().clone();
        renderer.apply(new ScreenBlt(new Rect(0, 0, 2, 1), 0, 1, Rop3.SRCINVERT));
        assertThat(surface.get(0, 0)).isEqualTo(before[0] ^ before[W]);
        assertThat(surface.get(1, 0)).isEqualTo(before[1] ^ before[W + 1]);
    }

    @Test
    void memBltDrawsACachedBitmap() {
        int[] px = Fixtures.ramp(6 * 4);
        assertThat(renderer.apply(new CachedBitmap(Fixtures.hash(1),
                Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 6, 4, px))).isEmpty()).isTrue();
        assertThat(renderer.hasBitmap(Fixtures.hash(1))).isTrue();
        assertThat(surface.pixels()).containsOnly(0);
        Rect damage = renderer.apply(new MemBlt(new Rect(5, 5, 3, 2), 2, 1, Rop3.SRCCOPY, Fixtures.hash(1)));
        assertThat(damage).isEqualTo(new Rect(5, 5, 3, 2));
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                assertThat(surface.get(5 + x, 5 + y)).isEqualTo(px[(1 + y) * 6 + 2 + x]);
            }
        }
        assertThat(Fixtures.count(surface, 0)).isEqualTo(W * H - 6);
        assertThat(renderer.missingBitmapCount()).isZero();
    }

    @Test
    void memBltAppliesItsRopAndStaysInsideTheBitmap() {
        surface.pixels()[0] = 0x0F0F0F;
        renderer.apply(new CachedBitmap(Fixtures.hash(2),
                Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 2, 2, new int[] {0xFFFFFF, 0xFFFFFF, 0xFFFFFF, 0xFFFFFF})));
        Rect damage = renderer.apply(new MemBlt(new Rect(0, 0, 5, 5), 0, 0, Rop3.SRCINVERT, Fixtures.hash(2)));
        assertThat(damage).isEqualTo(new Rect(0, 0, 2, 2));
        assertThat(surface.get(0, 0)).isEqualTo(0xF0F0F0);
        assertThat(surface.get(1, 1)).isEqualTo(0xFFFFFF);
        assertThat(surface.get(2, 2)).isZero();
    }

    @Test
    void memBltOfAMissingBitmapDrawsNothingAndIsCounted() {
        fillRamp();
        int[] before = surface.pixels().clone();
        Rect damage = renderer.apply(new MemBlt(new Rect(0, 0, 4, 4), 0, 0, Rop3.SRCCOPY, Fixtures.hash(9)));
        assertThat(damage.isEmpty()).isTrue();
        assertThat(surface.pixels()).isEqualTo(before);
        assertThat(renderer.missingBitmapCount()).isEqualTo(1);
    }

    @Test
    void deletedBitmapIsForgotten() {
        renderer.apply(new CachedBitmap(Fixtures.hash(3), Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 1, 1, new int[] {7})));
        renderer.apply(new DeletedBitmap(Fixtures.hash(3)));
        assertThat(renderer.hasBitmap(Fixtures.hash(3))).isFalse();
        assertThat(renderer.cache().size()).isZero();
        renderer.apply(new MemBlt(new Rect(0, 0, 1, 1), 0, 0, Rop3.SRCCOPY, Fixtures.hash(3)));
        assertThat(renderer.missingBitmapCount()).isEqualTo(1);
        assertThat(surface.get(0, 0)).isZero();
    }
}
