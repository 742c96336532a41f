package org.svp.protocol.message;

import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * PATTERN_BLT_BRUSH (id 15, 27 bytes): rect, int8 brush_x, int8 brush_y, uint32 rgb_fg,
 * uint32 rgb_bg, uint8 rop3, uint8 pattern[8]. For pixel (x, y) relative to the rect, bit
 * {@code (x + brush_x) & 7} (LSB first) of {@code pattern[(y + brush_y) & 7]} picks fg (1) or bg (0).
 *
 * @param rect the area
 * @param brushX brush origin x, -128..127
 * @param brushY brush origin y, -128..127
 * @param fg foreground colour
 * @param bg background colour
 * @param rop3 ternary raster operation 0..255
 * @param pattern the 8 brush rows (8 bytes)
 */
public record PatternBltBrush(Rect rect, int brushX, int brushY, int fg, int bg, int rop3, byte[] pattern)
        implements DisplayMessage {
    public PatternBltBrush {
        if (pattern.length != 8) {
            throw new IllegalArgumentException("a brush has 8 rows, got " + pattern.length);
        }
    }

    @Override
    public Command command() {
        return Command.PATTERN_BLT_BRUSH;
    }
}
