package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CURSOR (id 2): {@code pac_cursor} (12 bytes: uint16 x_hot, y_hot, w, h, mask_len, data_len), then
 * mask_len bytes of 1-bpp AND mask, then data_len bytes of B,G,R colour, top row first. AND=1 and
 * colour=0 is transparent; AND=1 and colour≠0 inverts the screen.
 *
 * @param xHot hot spot x
 * @param yHot hot spot y
 * @param width columns
 * @param height rows
 * @param andMask the AND mask (row length = mask.length / h, see protocol.md §6)
 * @param color B,G,R bytes, 3 a pixel
 */
public record CursorShape(int xHot, int yHot, int width, int height, byte[] andMask, byte[] color)
        implements Message {
    /** Fixed header bytes. */
    public static final int HEADER_BYTES = 12;

    public CursorShape {
        if (andMask.length > 0xFFFF || color.length > 0xFFFF) {
            throw new IllegalArgumentException("mask_len and data_len are 16-bit: " + andMask.length + ", " + color.length);
        }
    }

    @Override
    public Command command() {
        return Command.CURSOR;
    }
}
