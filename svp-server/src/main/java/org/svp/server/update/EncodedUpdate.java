package org.svp.server.update;

import java.util.List;

/**
 * A source's Draw update after the encoder workers: its messages in order, each with its frames.
 * Produced on a worker; consumed and released on the I/O thread.
 *
 * @param messages the encoded messages, in the source's order
 * @param contentKeys per message, the 64-bit content key of a DIRTY_RECT's pixels for the screen cache
 *     (0 = none), computed on the worker; null when no client has a screen cache
 */
public record EncodedUpdate(List<EncodedMessage> messages, long[] contentKeys) {

    /** @param messages the encoded messages, without content keys */
    public EncodedUpdate(List<EncodedMessage> messages) {
        this(messages, null);
    }

    /**
     * @param i message index
     * @return its content key, or 0
     */
    public long contentKey(int i) {
        return contentKeys == null ? 0 : contentKeys[i];
    }

    /** Releases every frame. I/O thread, after dispatch. */
    public void release() {
        messages.forEach(EncodedMessage::release);
    }
}
