package org.svp.client.swing.view;

import java.util.Locale;

/** How the remote screen is fitted into the window. */
public enum ScaleMode {
    /** Scaled to the window, aspect kept, centred, bilinear filtering. */
    FIT,
    /** One remote pixel per window pixel, scrollbars when the window is smaller. */
    ONE_TO_ONE;

    /**
     * @param text "fit" or "1:1" (as typed after {@code --scale})
     * @return the mode
     * @throws IllegalArgumentException for anything else
     */
    public static ScaleMode parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "fit" -> FIT;
            case "1:1", "1", "none" -> ONE_TO_ONE;
            default -> throw new IllegalArgumentException("--scale must be fit or 1:1, not '" + text + "'");
        };
    }
}
