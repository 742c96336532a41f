package org.svp.protocol.message;

import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;

/**
 * CLIP_DRAW (id 20, 4+8r bytes): uint16 cmd_count, uint16 rect_count, rect[rect_count] (r ≤ 64).
 * The next {@code cmdCount} drawing messages on the channel are clipped to the union of the rects.
 *
 * @param cmdCount how many drawing messages follow under this clip
 * @param rects the clip rects, at most 64
 */
public record ClipDraw(int cmdCount, List<Rect> rects) implements DisplayMessage {
    public ClipDraw {
        rects = List.copyOf(rects);
    }

    @Override
    public Command command() {
        return Command.CLIP_DRAW;
    }

    @Override
    public boolean isDrawing() {
        return false;
    }
}
