package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * DIRTY_RECT (id 10, 16+n bytes): a {@link Bitmap} drawn at its own (x, y).
 *
 * @param bitmap the pixels and their place on screen
 */
public record DirtyRect(Bitmap bitmap) implements DisplayMessage {
    @Override
    public Command command() {
        return Command.DIRTY_RECT;
    }
}
