package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * FLOW_PING (id 120, v2, server → client on the display channel, 4 bytes): u32 seq. Sent after
 * updates on a display channel that negotiated {@link org.svp.protocol.Feature#FLOW_CONTROL}; the
 * client answers with {@link FlowPong} of the same seq once it has processed every message before
 * this one. Draws nothing. docs/protocol.md "Flow control".
 *
 * <pre>
 *  0       4
 *  +-------+
 *  | seq   |  u32 LE, chosen by the server (increasing, wraps)
 *  +-------+
 * </pre>
 *
 * @param seq 0..2^32-1
 */
public record FlowPing(long seq) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 4;

    @Override
    public Command command() {
        return Command.FLOW_PING;
    }
}
