package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * LINE (id 19, 21 bytes): int16 x1, y1, x2, y2, int16 bx1, by1, bx2, by2 (bounding box),
 * uint8 mix (ROP2), uint32 rgb.
 *
 * @param x1 start x
 * @param y1 start y
 * @param x2 end x
 * @param y2 end y
 * @param boundX1 bounding box left
 * @param boundY1 bounding box top
 * @param boundX2 bounding box right
 * @param boundY2 bounding box bottom
 * @param mix binary raster operation 1..16 (R2_BLACK .. R2_WHITE)
 * @param rgb pen colour
 */
public record Line(int x1, int y1, int x2, int y2, int boundX1, int boundY1, int boundX2, int boundY2,
                   int mix, int rgb) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.LINE;
    }
}
