package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * SOLID_RECT (id 11, 12 bytes): rect, uint32 rgb. Fills with a colour (PATCOPY).
 *
 * @param rect the area
 * @param rgb colour {@code 0x00RRGGBB}
 */
public record SolidRect(Rect rect, int rgb) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.SOLID_RECT;
    }
}
