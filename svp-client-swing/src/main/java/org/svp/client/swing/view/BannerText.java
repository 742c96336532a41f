package org.svp.client.swing.view;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a banner message into lines no wider than the window allows, at spaces where it can and inside a
 * word only when the word alone is too wide (a long host name or path). Called by
 * {@link FramebufferPanel} on the EDT while it paints the banner.
 */
public final class BannerText {
    private BannerText() {
    }

    /**
     * @param text the message (runs of white space count as one space)
     * @param fm metrics of the font it is drawn in
     * @param maxWidth widest line allowed, pixels (at least one character is put on every line)
     * @return the lines, in order; joined with single spaces they give back the message, except where a
     *     word wider than a line was split
     */
    public static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (fm.stringWidth(rest) > maxWidth && rest.length() > 1) {
                int n = fitting(rest, fm, maxWidth);
                lines.add(rest.substring(0, n));
                rest = rest.substring(n);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** @return how many leading characters of {@code s} fit in {@code maxWidth} (at least one) */
    private static int fitting(String s, FontMetrics fm, int maxWidth) {
        int n = 1;
        while (n < s.length() && fm.stringWidth(s.substring(0, n + 1)) <= maxWidth) {
            n++;
        }
        return n;
    }
}
