package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wait between captures that {@link CaptureLoop#pace} sets from what the last capture took. */
class CapturePaceTest {
    private static final long MS = 1_000_000L;
    private static final long FRAME = X11Options.DEFAULT_FRAME_MILLIS * MS;

    @Test
    void aShortCaptureKeepsTheFrameInterval() {
        assertThat(CaptureLoop.PACE_FACTOR).as("on by default").isEqualTo(3);
        assertThat(CaptureLoop.pace(FRAME, 0)).isEqualTo(FRAME);
        assertThat(CaptureLoop.pace(FRAME, 2 * MS)).as("a 640x360 video region's capture").isEqualTo(FRAME);
        assertThat(CaptureLoop.pace(FRAME, 5 * MS)).as("3 x 5 ms is still under 16 ms").isEqualTo(FRAME);
    }

    @Test
    void aLongCaptureWaitsThreeTimesItsTimeAtMostFiftyMilliseconds() {
        assertThat(CaptureLoop.pace(FRAME, 12 * MS)).as("a flooded terminal redrawn whole").isEqualTo(36 * MS);
        assertThat(CaptureLoop.pace(FRAME, 40 * MS)).isEqualTo(CaptureLoop.MAX_PACE_NANOS);
        assertThat(CaptureLoop.pace(80 * MS, 20 * MS)).as("a longer frame interval stays").isEqualTo(80 * MS);
    }
}
