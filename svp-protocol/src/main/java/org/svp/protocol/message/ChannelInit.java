package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CHANNEL_INIT (id 42, 8 bytes): uint16 channel_type, uint16 queue_length, uint32 features.
 *
 * @param channelType which channel this connection is
 * @param queueLength a hint, 0 = none
 * @param features what the client supports (v1 clients send 0xFFFFFFFF)
 */
public record ChannelInit(int channelType, int queueLength, int features) implements Message {
    @Override
    public Command command() {
        return Command.CHANNEL_INIT;
    }
}
