package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * SCREEN_BLT (id 14, 13 bytes): rect (destination), int16 x_src, int16 y_src, uint8 rop3. Copies
 * screen to screen; overlapping areas behave as if the source were read first.
 *
 * @param rect destination
 * @param srcX source left
 * @param srcY source top
 * @param rop3 ternary raster operation 0..255
 */
public record ScreenBlt(Rect rect, int srcX, int srcY, int rop3) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.SCREEN_BLT;
    }
}
