package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Point;

/**
 * SAVE_SCREEN (id 23, 10 bytes): point p1, point p2, uint8 ident, uint8 restore (= 0). The receiver
 * keeps a copy of the area under {@code ident}.
 *
 * @param p1 top-left
 * @param p2 bottom-right (exclusive)
 * @param ident slot number
 */
public record SaveScreen(Point p1, Point p2, int ident) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.SAVE_SCREEN;
    }
}
