package org.svp.source.x11.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

/**
 * Row hashes made of screen-aligned 64-column segments: the same value however a row's segments were
 * obtained (hashed now, remembered from the shown frame, noted from the new frame at the end of a
 * diff), remembered until the shown frame changes there, and different when a pixel differs.
 */
class SegmentHashesTest {
    private static final int W = 300;
    private static final int H = 8;

    @Test
    void aRowOfAnyColumnsHashesAlikeFromRememberedSegmentsAndAnewFromPixels() {
        int[] shown = random(1);
        SegmentHashes segs = new SegmentHashes(W, H);
        for (int[] xw : new int[][] {{0, W}, {3, 200}, {64, 128}, {70, 5}, {63, 2}, {100, 200}, {0, 64}}) {
            long direct = SegmentHashes.rowHash(shown, 2 * W, xw[0], xw[1]);
            assertThat(segs.shown(shown, W, 2, xw[0], xw[1])).as("x=%d w=%d", xw[0], xw[1]).isEqualTo(direct);
            assertThat(segs.shown(shown, W, 2, xw[0], xw[1])).isEqualTo(direct); // from memory now
        }
        // one pixel differs: the hash differs (the partial segment at the end, and a whole one)
        long before = SegmentHashes.rowHash(shown, 2 * W, 3, 200);
        shown[2 * W + 150] ^= 0x10;
        assertThat(SegmentHashes.rowHash(shown, 2 * W, 3, 200)).isNotEqualTo(before);
        // remembered until invalidated: the stale whole segment [128, 192) is still used ...
        assertThat(segs.shown(shown, W, 2, 3, 200)).isEqualTo(before);
        // ... and forgotten exactly where the shown frame changed
        segs.invalidate(new Rect(150, 2, 1, 1));
        assertThat(segs.shown(shown, W, 2, 3, 200)).isEqualTo(SegmentHashes.rowHash(shown, 2 * W, 3, 200));
    }

    @Test
    void aPartOfASegmentIsRememberedUntilItsSegmentChanges() {
        int[] shown = random(4);
        SegmentHashes segs = new SegmentHashes(W, H);
        long first = segs.shown(shown, W, 3, 5, 150); // parts [5, 64) and [128, 155)
        shown[3 * W + 20] ^= 1;
        shown[3 * W + 140] ^= 1;
        assertThat(segs.shown(shown, W, 3, 5, 150)).isEqualTo(first); // not reported: remembered
        // a different right edge: its part is hashed from the pixels, the left part still remembered
        long[] wider = {segs.shown(shown, W, 3, 5, 151)};
        shown[3 * W + 20] ^= 1;
        assertThat(wider[0]).isEqualTo(SegmentHashes.rowHash(shown, 3 * W, 5, 151));
        shown[3 * W + 20] ^= 1;
        segs.invalidate(new Rect(20, 3, 1, 1));
        assertThat(segs.shown(shown, W, 3, 5, 150)).isEqualTo(SegmentHashes.rowHash(shown, 3 * W, 5, 150))
                .isNotEqualTo(first);
    }

    @Test
    void theNewFramesSegmentsNotedInADiffAreTheShownFramesAfterIt() {
        int[] shown = random(2);
        int[] now = random(3);
        SegmentHashes segs = new SegmentHashes(W, H);
        // row 1 hashed from the new frame; row 4 equal to the shown frame's row 6 (a scroll)
        System.arraycopy(shown, 6 * W, now, 4 * W, W);
        segs.shown(shown, W, 6, 0, W); // row 6 remembered
        long row1 = segs.recordRow(now, W, 1, 10, 250);
        assertThat(row1).isEqualTo(SegmentHashes.rowHash(now, W, 10, 250));
        segs.recordCopy(4, 6, 10, 250);
        // the diff brings the shown frame to the new one there and reports the change
        System.arraycopy(now, W, shown, W, W);
        System.arraycopy(now, 4 * W, shown, 4 * W, W);
        segs.invalidate(new Rect(0, 1, W, 4));
        segs.commit();
        // row 1: whole segments and the parts at the ends come from the notes; row 4: the whole
        // segments (row 6 had other parts remembered); corrupt the pixels behind them to prove it
        int[] probe = shown.clone();
        for (int x = 10; x < 260; x++) {
            probe[W + x] = 0;
            if (x >= 64 && x < 256) {
                probe[4 * W + x] = 0;
            }
        }
        assertThat(segs.shown(probe, W, 1, 10, 250)).isEqualTo(row1);
        assertThat(segs.shown(probe, W, 4, 10, 250)).isEqualTo(SegmentHashes.rowHash(shown, 4 * W, 10, 250));
    }

    private static int[] random(long seed) {
        Random rnd = new Random(seed);
        int[] px = new int[W * H];
        for (int i = 0; i < px.length; i++) {
            px[i] = rnd.nextInt();
        }
        return px;
    }
}
