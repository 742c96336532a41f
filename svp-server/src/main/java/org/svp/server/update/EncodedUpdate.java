package org.svp.server.update;

import java.util.List;

/**
 * A source's Draw update after the encoder workers: its messages in order, each with its frames (whose
 * screen-cache content keys, if any, travel in {@link org.svp.server.encode.WireFrame#cacheKey()}).
 * Produced on a worker; consumed and released on the I/O thread.
 *
 * @param messages the encoded messages, in the source's order
 */
public record EncodedUpdate(List<EncodedMessage> messages) {

    /** Releases every frame. I/O thread, after dispatch. */
    public void release() {
        messages.forEach(EncodedMessage::release);
    }
}
