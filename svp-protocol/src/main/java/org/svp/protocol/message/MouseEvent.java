package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * MOUSE_EVENT (id 31, 6 bytes): int16 x, int16 y, int16 buttons (full state, see MouseButtons).
 *
 * @param x absolute column
 * @param y absolute row
 * @param buttons button bits
 */
public record MouseEvent(int x, int y, int buttons) implements Message {
    @Override
    public Command command() {
        return Command.MOUSE_EVENT;
    }
}
