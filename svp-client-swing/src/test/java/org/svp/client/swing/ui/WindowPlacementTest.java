package org.svp.client.swing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Dimension;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {
    /** Menu bar and status line, no frame (no window manager). */
    private static final Dimension CHROME = new Dimension(0, 40);
    private static final Dimension DESKTOP = new Dimension(1280, 800);

    @Test
    void aWindowThatFitsIsCentredInTheUsableArea() {
        Rectangle b = WindowPlacement.place(new Rectangle(0, 0, 1600, 1000), CHROME, DESKTOP, true);
        assertThat(b).isEqualTo(new Rectangle(160, 80, 1280, 840));
    }

    @Test
    void panelsAndDocksAreLeftFree() {
        Rectangle usable = new Rectangle(0, 32, 1600, 1000 - 32);
        Rectangle b = WindowPlacement.place(usable, CHROME, DESKTOP, true);
        assertThat(usable.contains(b)).isTrue();
        assertThat(b.y - usable.y).isEqualTo(usable.y + usable.height - (b.y + b.height));
    }

    @Test
    void onASmallScreenFitShrinksThePictureKeepingItsAspect() {
        Rectangle usable = new Rectangle(0, 0, 1024, 600);
        Rectangle b = WindowPlacement.place(usable, CHROME, DESKTOP, true);
        assertThat(usable.contains(b)).isTrue();
        int pictureW = b.width - CHROME.width;
        int pictureH = b.height - CHROME.height;
        assertThat(pictureH).isEqualTo(560);
        assertThat((double) pictureW / pictureH).isCloseTo(1280.0 / 800, org.assertj.core.data.Offset.offset(0.01));
        assertThat(b.x).isEqualTo((1024 - b.width) / 2);
        assertThat(b.y).isZero();
    }

    @Test
    void oneToOneOnASmallScreenIsClampedToTheArea() {
        Rectangle usable = new Rectangle(0, 0, 1024, 600);
        assertThat(WindowPlacement.place(usable, CHROME, DESKTOP, false)).isEqualTo(usable);
    }
}
