package org.svp.server.session;

import org.svp.protocol.Rect;
import org.svp.server.update.EncodedUpdate;

/**
 * One update as the I/O thread hands it to every display client, after applying it to the mirror.
 *
 * @param update the encoded frames
 * @param damage per message, the screen area it changed in the mirror
 * @param captured per message, for a MEM_BLT some client lacks the bitmap of: the mirror's pixels of
 *     {@code damage[i]} right after that MEM_BLT (else null)
 */
public record Dispatch(EncodedUpdate update, Rect[] damage, int[][] captured) {
}
