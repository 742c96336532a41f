package org.svp.client.swing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.client.swing.view.ScaleMode;

class StatusLineTest {

    @Test
    void fitModeSaysFitEvenWhenThePictureHappensToBeUnscaled() {
        assertThat(StatusLine.scaleText(ScaleMode.FIT, 1.0)).isEqualTo("fit 100%");
    }

    @Test
    void fitModeGivesTheScaleInPerCent() {
        assertThat(StatusLine.scaleText(ScaleMode.FIT, 0.6)).isEqualTo("fit 60%");
        assertThat(StatusLine.scaleText(ScaleMode.FIT, 1.25)).isEqualTo("fit 125%");
    }

    @Test
    void oneToOneSaysSo() {
        assertThat(StatusLine.scaleText(ScaleMode.ONE_TO_ONE, 1.0)).isEqualTo("1:1");
    }
}
