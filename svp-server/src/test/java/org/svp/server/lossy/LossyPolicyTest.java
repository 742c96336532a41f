package org.svp.server.lossy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.codec.CodecRegistry;
import org.svp.codec.jpeg.Quality;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.CodecId;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;

/** What goes lossy: photos for JPEG clients only; gradients, small bands and lossless clients never. */
class LossyPolicyTest {
    private static final int JPEG_CLIENT = Feature.CODEC_PALETTE | Feature.CODEC_QOIZ | Feature.CODEC_JPEG;

    @Test
    void aPhotoGoesJpegAndIsRemembered() {
        LossyPolicy p = new LossyPolicy(Quality.AUTO);
        SampleTiles.Tile t = SampleTiles.synthetic().get("photo");
        int lossless = qoiz(t);
        LossyPolicy.takeUsed();
        byte[] jpeg = p.jpeg(t.rgb(), 0, t.w(), new Rect(5, 6, t.w(), t.h()), JPEG_CLIENT, lossless);
        assertThat(jpeg).isNotNull();
        assertThat(jpeg.length).isLessThan(lossless);
        assertThat(LossyPolicy.takeUsed()).isTrue();
        assertThat(LossyPolicy.takeUsed()).as("cleared").isFalse();
        assertThat(p.regions().pending()).isEqualTo(1);
    }

    @Test
    void gradientsSmallBandsAndLosslessClientsStayLossless() {
        LossyPolicy auto = new LossyPolicy(Quality.AUTO);
        SampleTiles.Tile g = SampleTiles.synthetic().get("gradient");
        assertThat(auto.jpeg(g.rgb(), 0, g.w(), new Rect(0, 0, g.w(), g.h()), JPEG_CLIENT, qoiz(g))).isNull();
        SampleTiles.Tile photo = SampleTiles.synthetic().get("photo");
        assertThat(auto.jpeg(photo.rgb(), 0, photo.w(), new Rect(0, 0, 60, 60), JPEG_CLIENT, 60 * 60 * 3))
                .as("under 64x64 pixels").isNull();
        assertThat(auto.jpeg(photo.rgb(), 0, photo.w(), new Rect(0, 0, photo.w(), photo.h()),
                JPEG_CLIENT & ~Feature.CODEC_JPEG, qoiz(photo))).as("client without JPEG").isNull();
        LossyPolicy lossless = new LossyPolicy(Quality.LOSSLESS);
        assertThat(lossless.jpeg(photo.rgb(), 0, photo.w(), new Rect(0, 0, photo.w(), photo.h()), JPEG_CLIENT,
                qoiz(photo))).as("server lossless").isNull();
        assertThat(lossless.jpeg(photo.rgb(), 0, photo.w(), new Rect(0, 0, photo.w(), photo.h()),
                JPEG_CLIENT | Quality.MEDIUM.hintBits(), qoiz(photo))).as("client override medium").isNotNull();
        assertThat(auto.regions().pending()).isZero();
    }

    @Test
    void autoIsLosslessFirstAndLossyForABandThatChangesAgainWithinASecond() {
        LossyPolicy auto = new LossyPolicy(Quality.AUTO);
        Rect band = new Rect(0, 0, 640, 400);
        long t = 5_000_000_000L;
        LossyPolicy.beginUpdate(1, t);
        assertThat(auto.losslessFirst(band, JPEG_CLIENT)).as("first seen").isTrue();
        assertThat(auto.losslessFirst(band, JPEG_CLIENT)).as("same update, another client choice").isTrue();
        LossyPolicy.beginUpdate(2, t + 3_000_000_000L);
        assertThat(auto.losslessFirst(band, JPEG_CLIENT)).as("a slide 3 s later").isTrue();
        LossyPolicy.beginUpdate(3, t + 3_200_000_000L);
        assertThat(auto.losslessFirst(band, JPEG_CLIENT)).as("changed again after 0.2 s").isFalse();
        assertThat(auto.losslessFirst(new Rect(0, 0, 64, 64), JPEG_CLIENT)).as("another band").isTrue();
        assertThat(auto.losslessFirst(band, JPEG_CLIENT & ~Feature.CODEC_JPEG)).as("no lossy codec").isTrue();
        LossyPolicy high = new LossyPolicy(Quality.HIGH);
        assertThat(high.losslessFirst(band, JPEG_CLIENT)).as("high: lossy at once").isFalse();
        assertThat(high.losslessFirst(band, JPEG_CLIENT | Quality.MEDIUM.hintBits())).isFalse();
        LossyPolicy.beginUpdate(0, 0);
    }

    @Test
    void theClientsBitsChooseTheLevel() {
        LossyPolicy p = new LossyPolicy(Quality.HIGH);
        assertThat(p.qualityFor(JPEG_CLIENT)).isEqualTo(Quality.HIGH);
        assertThat(p.qualityFor(JPEG_CLIENT | Quality.LOW.hintBits())).isEqualTo(Quality.LOW);
        assertThat(p.qualityFor(JPEG_CLIENT | Quality.MEDIUM.hintBits())).isEqualTo(Quality.MEDIUM);
        assertThat(p.qualityFor(Feature.CODEC_QOIZ | Quality.LOW.hintBits())).isEqualTo(Quality.LOSSLESS);
    }

    @Test
    void regionsAreTakenOnceStill() {
        LossyRegions r = new LossyRegions();
        Rect a = new Rect(0, 0, 64, 64);
        Rect b = new Rect(64, 0, 64, 64);
        Rect video = new Rect(0, 64, 64, 64);
        assertThat(r.note(a, 1_000, 2_000)).isEqualTo(-1);
        assertThat(r.note(b, 2_000, 2_000)).isEqualTo(-1);
        assertThat(r.note(video, 2_000, 5_000)).isEqualTo(-1);
        assertThat(r.note(a, 5_000, 2_000)).isEqualTo(4_000);
        assertThat(r.takeStill(4_000)).containsExactly(b);
        assertThat(r.takeStill(6_000)).isEmpty();
        assertThat(r.takeStill(7_000)).containsExactly(video, a);
        assertThat(r.pending()).isZero();
    }

    @Test
    void tooManyRegionsCollapseIntoTheirBox() {
        LossyRegions r = new LossyRegions();
        for (int i = 0; i <= LossyRegions.MAX_ENTRIES; i++) {
            r.note(new Rect(i, 2 * i, 10, 10), i, 0);
        }
        assertThat(r.pending()).isEqualTo(1);
        List<Rect> box = r.takeStill(Long.MAX_VALUE / 2);
        int n = LossyRegions.MAX_ENTRIES;
        assertThat(box).containsExactly(new Rect(0, 0, n + 10, 2 * n + 10));
    }

    private static int qoiz(SampleTiles.Tile t) {
        return CodecRegistry.byId(CodecId.QOIZ).newEncoder().encode(t.rgb(), 0, t.w(), t.w(), t.h()).data().length;
    }

    @Test
    void aRectangleIsMovingAfterTenChangesWithinASecond() {
        MotionHistory m = new MotionHistory();
        Rect r = new Rect(0, 0, 320, 180);
        long ms = 1_000_000L;
        for (int i = 0; i < 9; i++) {
            assertThat(m.changed(r, i * 40 * ms, i + 1)).as("change %d", i).isZero();
        }
        assertThat(m.changed(r, 9 * 40 * ms, 10)).as("10th change at 25 fps").isCloseTo(25f,
                org.assertj.core.data.Offset.offset(0.5f));
        assertThat(m.changed(r, 9 * 40 * ms, 10)).as("the same update for another client").isCloseTo(25f,
                org.assertj.core.data.Offset.offset(0.5f));
        MotionHistory slow = new MotionHistory();
        for (int i = 0; i < 12; i++) {
            assertThat(slow.changed(r, i * 200 * ms, i + 1)).as("5 fps is not video").isZero();
        }
    }
}
