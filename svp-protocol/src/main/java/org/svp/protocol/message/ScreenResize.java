package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * SCREEN_RESIZE (id 1, 4 bytes): int16 w, int16 h. The client recreates its canvas black.
 *
 * @param width new width in pixels
 * @param height new height in pixels
 */
public record ScreenResize(int width, int height) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.SCREEN_RESIZE;
    }

    @Override
    public boolean isDrawing() {
        return false;
    }
}
