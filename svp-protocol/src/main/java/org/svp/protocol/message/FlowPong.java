package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * FLOW_PONG (id 121, v2, client → server on the display channel, 4 bytes): u32 seq of the
 * {@link FlowPing} it answers, sent once everything before that ping was decoded and drawn. The server
 * learns from it the round-trip time and how many of its bytes the client has consumed.
 * docs/protocol.md "Flow control".
 *
 * @param seq the ping's seq, 0..2^32-1
 */
public record FlowPong(long seq) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 4;

    @Override
    public Command command() {
        return Command.FLOW_PONG;
    }
}
