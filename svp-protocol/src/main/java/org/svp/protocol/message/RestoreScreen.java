package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Point;

/**
 * RESTORE_SCREEN (id 24, 26+n bytes): point p1, point p2, uint8 ident, uint8 restore (= 1), then
 * pac_bitmap + data, drawn at p1 (not at the bitmap's own x, y).
 *
 * @param p1 where the bitmap goes
 * @param p2 bottom-right of the saved area
 * @param ident slot number (the slot is freed)
 * @param bitmap the pixels to draw
 */
public record RestoreScreen(Point p1, Point p2, int ident, Bitmap bitmap) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.RESTORE_SCREEN;
    }
}
