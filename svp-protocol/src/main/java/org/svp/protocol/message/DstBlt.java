package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * DST_BLT (id 13, 9 bytes): rect, uint8 rop3 (only D is meaningful, e.g. DSTINVERT).
 *
 * @param rect the area
 * @param rop3 ternary raster operation 0..255
 */
public record DstBlt(Rect rect, int rop3) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.DST_BLT;
    }
}
