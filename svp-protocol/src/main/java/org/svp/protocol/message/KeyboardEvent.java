package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * KEYBOARD_EVENT (id 30, 5 bytes): uint8 down, uint32 scancode (PC/AT set-1 make code; extended keys
 * as {@code 0xE000 | code}).
 *
 * @param down true for a press
 * @param scancode the set-1 code
 */
public record KeyboardEvent(boolean down, int scancode) implements Message {
    @Override
    public Command command() {
        return Command.KEYBOARD_EVENT;
    }
}
