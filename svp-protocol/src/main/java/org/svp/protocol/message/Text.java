package org.svp.protocol.message;

import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * TEXT (id 25, 34+Σ bytes). Header: uint32 glyph_bytes; int16 x_bg, y_bg; uint16 w_bg, h_bg;
 * int16 x_opaque, y_opaque; uint16 w_opaque, h_opaque; uint16 max_glyph; uint8 glyph_count; uint8 flags;
 * uint16 char_inc; uint32 rgb_fg; uint32 rgb_bg; then the glyphs. Drawing: fill a non-empty opaque rect
 * with rgb_bg, then set glyph pixels in rgb_fg at (x + x_origin, y + y_origin).
 *
 * @param background the text's bounding rect
 * @param opaque the rect filled with {@code bgColor} when non-empty
 * @param maxGlyph largest glyph side (passed through)
 * @param flags passed through
 * @param charInc passed through
 * @param fgColor glyph colour
 * @param bgColor opaque rect colour
 * @param glyphs at most 255 glyphs
 */
public record Text(Rect background, Rect opaque, int maxGlyph, int flags, int charInc, int fgColor, int bgColor,
                   List<Glyph> glyphs) implements DisplayMessage {
    /** Header bytes. */
    public static final int HEADER_BYTES = 34;

    public Text {
        glyphs = List.copyOf(glyphs);
        if (glyphs.size() > 255) {
            throw new IllegalArgumentException("TEXT carries at most 255 glyphs, got " + glyphs.size());
        }
    }

    @Override
    public Command command() {
        return Command.TEXT;
    }
}
