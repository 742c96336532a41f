package org.svp.netty;

import java.util.Objects;
import org.svp.protocol.error.PeerProtocolException;

/**
 * Emitted downstream by {@link SvpFrameDecoder} in place of a message whose frame was intact (good
 * magic, sane size, known or USB-range id) but whose body broke protocol.md: a wrong body size, a
 * field out of range, or a reserved USB message (ids 60–82). The frame's bytes have already been
 * skipped and the stream is still in sync, so the connection stays up (protocol.md §7); the channel's
 * own handler logs {@link #error()} and carries on.
 *
 * <p>Created and delivered on the channel's event loop; immutable, so it may be handed to any thread.
 *
 * @param error what was wrong, with the command id and the byte offset in the body
 */
public record MalformedMessage(PeerProtocolException error) {
    /**
     * @param error what was wrong; never null
     */
    public MalformedMessage {
        Objects.requireNonNull(error, "error");
    }

    /** @return the header's command id of the skipped frame */
    public int commandId() {
        return error.commandId();
    }
}
