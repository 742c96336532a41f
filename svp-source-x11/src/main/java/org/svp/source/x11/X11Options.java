package org.svp.source.x11;

/**
 * How the X11 source captures.
 *
 * @param display the X display name, e.g. ":1" or "localhost:1"
 * @param detectScroll look for scrolling and send SCREEN_BLT (system property
 *     {@code svp.x11.scroll=false} turns the default off)
 * @param detectMoves follow the root window's children and send a window that moved as SCREEN_BLT
 *     (system property {@code svp.x11.moves=false} turns the default off)
 * @param frameMillis the shortest time between two captures: damage arriving faster is coalesced
 *     (system property {@code svp.x11.frameMs})
 */
public record X11Options(String display, boolean detectScroll, boolean detectMoves, int frameMillis) {
    /** 60 captures a second at most, as TigerVNC's default frame rate. */
    public static final int DEFAULT_FRAME_MILLIS = 16;

    public X11Options {
        if (display == null || display.isBlank()) {
            throw new IllegalArgumentException("no X display name");
        }
        if (frameMillis < 1 || frameMillis > 1000) {
            throw new IllegalArgumentException("frameMillis must be 1..1000, got " + frameMillis);
        }
    }

    /**
     * @param display the X display name
     * @return options with the defaults (scroll and move detection on, 16 ms frames) unless system
     *     properties say otherwise
     */
    public static X11Options of(String display) {
        return new X11Options(display, Boolean.parseBoolean(System.getProperty("svp.x11.scroll", "true")),
                Boolean.parseBoolean(System.getProperty("svp.x11.moves", "true")),
                Integer.getInteger("svp.x11.frameMs", DEFAULT_FRAME_MILLIS));
    }

    /**
     * @param detect scroll detection on or off
     * @return a copy
     */
    public X11Options withScrollDetection(boolean detect) {
        return new X11Options(display, detect, detectMoves, frameMillis);
    }

    /**
     * @param detect window-move detection on or off
     * @return a copy
     */
    public X11Options withMoveDetection(boolean detect) {
        return new X11Options(display, detectScroll, detect, frameMillis);
    }

    /**
     * The display part of a {@code --source} value: "x11:1", "x11::1" → ":1"; "x11:localhost:1" →
     * "localhost:1".
     *
     * @param source what follows "x11:" on the command line
     * @return an X display name
     * @throws IllegalArgumentException if it is empty
     */
    public static String displayName(String source) {
        if (source.isEmpty()) {
            throw new IllegalArgumentException("x11: needs a display, e.g. x11::1, x11:1 or x11:new");
        }
        return source.chars().allMatch(Character::isDigit) ? ":" + source : source;
    }
}
