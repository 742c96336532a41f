package org.svp.client.swing.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.Rectangle;
import org.junit.jupiter.api.Test;

class ScaleTransformTest {

    @Test
    void oneToOneIsTheIdentityClampedToTheScreen() {
        ScaleTransform t = ScaleTransform.of(ScaleMode.ONE_TO_ONE, 800, 600, 700, 500);
        assertThat(t.toRemote(new Point(100, 50))).isEqualTo(new Point(100, 50));
        assertThat(t.toRemote(new Point(900, -3))).isEqualTo(new Point(799, 0));
        assertThat(t.toCanvas(10, 20, 30, 40)).isEqualTo(new Rectangle(10, 20, 30, 40));
    }

    @Test
    void oneToOneIsCentredInALargerCanvas() {
        ScaleTransform t = ScaleTransform.of(ScaleMode.ONE_TO_ONE, 800, 600, 1000, 1000);
        assertThat(t.scale()).isEqualTo(1);
        assertThat(t.offsetX()).isEqualTo(100);
        assertThat(t.offsetY()).isEqualTo(200);
        assertThat(t.toRemote(new Point(100, 200))).isEqualTo(new Point(0, 0));
        assertThat(t.toCanvas(10, 20, 30, 40)).isEqualTo(new Rectangle(110, 220, 30, 40));
    }

    @Test
    void fitKeepsTheAspectAndCentres() {
        ScaleTransform t = ScaleTransform.of(ScaleMode.FIT, 1600, 1000, 800, 600);
        assertThat(t.scale()).isEqualTo(0.5);
        assertThat(t.offsetX()).isZero();
        assertThat(t.offsetY()).isEqualTo(50);
        assertThat(t.toRemote(new Point(400, 300))).isEqualTo(new Point(800, 500));
        Rectangle r = t.toCanvas(100, 100, 10, 10);
        assertThat(r.contains(new Rectangle(50, 100, 5, 5))).isTrue();
    }

    @Test
    void modeParsesTheCommandLineSpelling() {
        assertThat(ScaleMode.parse("fit")).isEqualTo(ScaleMode.FIT);
        assertThat(ScaleMode.parse("1:1")).isEqualTo(ScaleMode.ONE_TO_ONE);
    }
}
