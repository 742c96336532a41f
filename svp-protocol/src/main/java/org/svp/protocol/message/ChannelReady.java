package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CHANNEL_READY (id 43, 4 bytes): uint32 features.
 *
 * @param features the server's answer (meaningless from a v1 server, see protocol.md §9)
 */
public record ChannelReady(int features) implements Message {
    @Override
    public Command command() {
        return Command.CHANNEL_READY;
    }
}
