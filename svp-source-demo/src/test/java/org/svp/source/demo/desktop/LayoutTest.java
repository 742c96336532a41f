package org.svp.source.demo.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;

class LayoutTest {

    @Test
    void cellsFitTheScreenAndDoNotOverlap() {
        for (int[] size : new int[][] {{640, 480}, {800, 600}, {1280, 800}, {1920, 1080}, {3840, 2160}}) {
            Layout l = Layout.of(size[0], size[1]);
            Rect screen = new Rect(0, 0, size[0], size[1]);
            assertThat(l.cells()).hasSize(6).allSatisfy(c -> {
                assertThat(c.width()).isGreaterThan(150);
                assertThat(c.height()).isGreaterThan(150);
                assertThat(c.intersect(l.desktop())).isEqualTo(c);
            });
            assertThat(l.taskbar().intersect(screen)).isEqualTo(l.taskbar());
            for (int i = 0; i < 6; i++) {
                for (int j = i + 1; j < 6; j++) {
                    assertThat(l.cells().get(i).intersect(l.cells().get(j)).isEmpty()).isTrue();
                }
            }
        }
    }
}
