package org.svp.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.error.SvpStatus;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.ClipDraw;
import org.svp.protocol.message.MemBlt;
import org.svp.protocol.message.SolidRect;

class ClipDrawTest {
    private final Surface surface = new Surface(20, 20);
    private final OrderRenderer renderer = new OrderRenderer(surface);
    private final Rect whole = new Rect(0, 0, 20, 20);

    @Test
    void clipsTheNextDrawingOrdersOnly() {
        renderer.apply(new ClipDraw(2, List.of(new Rect(2, 2, 3, 3), new Rect(10, 10, 2, 2))));
        // 1: a clipped solid rect
        assertThat(renderer.apply(new SolidRect(whole, 0x111111))).isEqualTo(new Rect(2, 2, 10, 10));
        assertThat(Fixtures.count(surface, 0x111111)).isEqualTo(9 + 4);
        assertThat(surface.get(2, 2)).isEqualTo(0x111111);
        assertThat(surface.get(5, 5)).isZero();
        // CACHED_BITMAP does not draw, so it does not count
        renderer.apply(new CachedBitmap(Fixtures.hash(1), Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 1, 1, new int[] {5})));
        assertThat(renderer.clipOrdersLeft()).isEqualTo(1);
        // 2: a MEM_BLT whose bitmap is missing draws nothing but counts
        renderer.apply(new MemBlt(whole, 0, 0, Rop3.SRCCOPY, Fixtures.hash(2)));
        assertThat(renderer.missingBitmapCount()).isEqualTo(1);
        assertThat(renderer.clipOrdersLeft()).isZero();
        // 3: unclipped again
        assertThat(renderer.apply(new SolidRect(whole, 0x222222))).isEqualTo(whole);
        assertThat(surface.pixels()).containsOnly(0x222222);
    }

    @Test
    void theBriefsSequence() {
        renderer.apply(new ClipDraw(2, List.of(new Rect(0, 0, 5, 5))));
        renderer.apply(new SolidRect(whole, 0x111111));
        renderer.apply(new CachedBitmap(Fixtures.hash(1), Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 1, 1, new int[] {5})));
        renderer.apply(new MemBlt(whole, 0, 0, Rop3.SRCCOPY, Fixtures.hash(9)));
        // the clip run is over: this one fills everything
        renderer.apply(new SolidRect(new Rect(0, 10, 20, 10), 0x333333));
        assertThat(Fixtures.count(surface, 0x111111)).isEqualTo(25);
        assertThat(Fixtures.count(surface, 0x333333)).isEqualTo(200);
    }

    @Test
    void aThirdOrderAfterAClipOfTwoIsUnclipped() {
        renderer.apply(new ClipDraw(2, List.of(new Rect(0, 0, 1, 1))));
        renderer.apply(new SolidRect(whole, 0x111111));
        renderer.apply(new CachedBitmap(Fixtures.hash(1), Fixtures.bitmap(PixelFormat.RGB32, 0, 0, 1, 1, new int[] {5})));
        renderer.apply(new SolidRect(whole, 0x222222));
        assertThat(Fixtures.count(surface, 0x222222)).isEqualTo(1);
        renderer.apply(new SolidRect(whole, 0x333333));
        assertThat(surface.pixels()).containsOnly(0x333333);
    }

    @Test
    void nestedClipDrawIsABadField() {
        renderer.apply(new ClipDraw(1, List.of(new Rect(0, 0, 1, 1))));
        assertThatThrownBy(() -> renderer.apply(new ClipDraw(1, List.of(whole))))
                .isInstanceOf(PeerProtocolException.class)
                .hasMessageContaining("CLIP_DRAW")
                .satisfies(e -> assertThat(((PeerProtocolException) e).status()).isEqualTo(SvpStatus.BAD_FIELD));
    }

    @Test
    void zeroCountHasNoEffect() {
        renderer.apply(new ClipDraw(0, List.of(new Rect(0, 0, 1, 1))));
        renderer.apply(new SolidRect(whole, 0x444444));
        assertThat(surface.pixels()).containsOnly(0x444444);
        renderer.apply(new ClipDraw(1, List.of(new Rect(0, 0, 1, 1))));
    }

    @Test
    void aClipWithoutRectsHidesTheOrder() {
        renderer.apply(new ClipDraw(1, List.of()));
        assertThat(renderer.apply(new SolidRect(whole, 0x555555)).isEmpty()).isTrue();
        assertThat(surface.pixels()).containsOnly(0);
    }
}
