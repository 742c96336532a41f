package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * MEM_BLT (id 16, 29 bytes): rect (destination), int16 x_src, int16 y_src, uint8 rop3, uint8 hash[16].
 * Draws (x_src, y_src, w, h) of a cached bitmap at rect.
 *
 * @param rect destination
 * @param srcX left inside the bitmap
 * @param srcY top inside the bitmap
 * @param rop3 ternary raster operation 0..255
 * @param hash the cached bitmap's key
 */
public record MemBlt(Rect rect, int srcX, int srcY, int rop3, BitmapHash hash) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.MEM_BLT;
    }
}
