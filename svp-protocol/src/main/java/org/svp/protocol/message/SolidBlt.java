package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * SOLID_BLT (id 12, 13 bytes): rect, uint32 rgb, uint8 rop3. The colour is the pattern P.
 *
 * @param rect the area
 * @param rgb colour {@code 0x00RRGGBB}
 * @param rop3 ternary raster operation 0..255
 */
public record SolidBlt(Rect rect, int rgb, int rop3) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.SOLID_BLT;
    }
}
