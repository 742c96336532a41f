package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * VIDEO_MODESET (id 32, 5 bytes): uint16 w, uint16 h, uint8 depth. Asks the guest for a mode.
 *
 * @param width columns
 * @param height rows
 * @param depth bits per pixel
 */
public record VideoModeset(int width, int height, int depth) implements Message {
    @Override
    public Command command() {
        return Command.VIDEO_MODESET;
    }
}
