package org.svp.client.swing.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Canvas;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BannerTextTest {
    private static final String LONG = "Connection to desktop-in-the-basement.example.org:5678 lost: cannot connect to "
            + "desktop-in-the-basement.example.org:5678 (main channel): connection refused — retrying in 16 s";
    private static final FontMetrics FM = new Canvas().getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 15));

    @Test
    void longMessageIsBrokenAtSpacesIntoLinesThatFit() {
        List<String> lines = BannerText.wrap(LONG, FM, 420);
        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines).allSatisfy(l -> assertThat(FM.stringWidth(l)).isLessThanOrEqualTo(420));
        assertThat(String.join(" ", lines)).isEqualTo(LONG);
    }

    @Test
    void shortMessageStaysOneLine() {
        assertThat(BannerText.wrap("Connecting to 127.0.0.1:5678 …", FM, 600))
                .containsExactly("Connecting to 127.0.0.1:5678 …");
    }

    @Test
    void wordWiderThanALineIsSplitInside() {
        String word = "x".repeat(200);
        List<String> lines = BannerText.wrap("host " + word, FM, 120);
        assertThat(lines.getFirst()).isEqualTo("host");
        assertThat(lines).allSatisfy(l -> assertThat(FM.stringWidth(l)).isLessThanOrEqualTo(120));
        assertThat(String.join("", lines.subList(1, lines.size()))).isEqualTo(word);
    }

    @Test
    void paintedBannerStaysInsideANarrowCanvasOnSeveralLines() {
        FramebufferPanel panel = new FramebufferPanel(ScaleMode.FIT);
        panel.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        panel.setSize(400, 300);
        panel.setBanner(LONG);
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        panel.paint(g);
        g.dispose();
        int background = 0x202020;
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        int white = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                if (p != background) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
                if (p == (Color.WHITE.getRGB() & 0xFFFFFF)) {
                    white++;
                }
            }
        }
        FontMetrics fm = new Canvas().getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        assertThat(white).as("text pixels").isPositive();
        assertThat(minX).as("banner left edge").isGreaterThanOrEqualTo(FramebufferPanel.BANNER_MARGIN);
        assertThat(maxX).as("banner right edge").isLessThan(400 - FramebufferPanel.BANNER_MARGIN);
        assertThat(maxY - minY).as("banner height: three lines or more").isGreaterThan(3 * fm.getHeight());
    }
}
