package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Point;

/**
 * ELLIPSE (id 22, 14 bytes): point p1, point p2 (bounding box corners), uint8 mix, uint8 fill_mode,
 * uint32 rgb. fill_mode 0 draws the outline; any other value fills (docs/protocol.md).
 *
 * @param p1 one corner of the bounding box
 * @param p2 the opposite corner
 * @param mix binary raster operation 1..16
 * @param fillMode 0 = outline, non-zero = filled
 * @param rgb colour
 */
public record Ellipse(Point p1, Point p2, int mix, int fillMode, int rgb) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.ELLIPSE;
    }
}
