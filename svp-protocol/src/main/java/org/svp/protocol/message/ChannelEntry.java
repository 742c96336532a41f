package org.svp.protocol.message;

/**
 * One CHANNEL_LIST slot: uint16 channel_type, uint16 port (absolute).
 *
 * @param channelType a {@link org.svp.protocol.ChannelType} wire id (kept open for later types)
 * @param port the TCP port to connect to
 */
public record ChannelEntry(int channelType, int port) {
}
