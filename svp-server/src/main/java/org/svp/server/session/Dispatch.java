package org.svp.server.session;

import org.svp.protocol.Rect;
import org.svp.server.update.EncodedUpdate;

/**
 * One update as the I/O thread hands it to every display client, after applying it to the mirror.
 *
 * @param update the encoded frames
 * @param damage per message, the screen area it changed in the mirror
 * @param capturedArea per message that some client must get as pixels instead ({@link
 *     ClientRegistry#someoneNeedsPixels}): the area captured — its damage, or one pixel of the screen
 *     when it changed nothing (the client still needs one drawing message in its place); else null
 * @param captured per such message, the mirror's pixels of {@code capturedArea[i]} right after it
 */
public record Dispatch(EncodedUpdate update, Rect[] damage, Rect[] capturedArea, int[][] captured) {
}
