package org.svp.protocol.message;

import java.util.List;
import org.svp.protocol.Command;

/**
 * CHANNEL_LIST (id 41, always 38 bytes): uint32 server_version, uint16 count, then 8 slots of
 * {uint16 channel_type, uint16 port}. We zero slots past count; a receiver ignores them.
 *
 * @param serverVersion the server's protocol version
 * @param channels the first {@code count} slots (at most 8)
 */
public record ChannelList(long serverVersion, List<ChannelEntry> channels) implements Message {
    /** The body size, always. */
    public static final int BODY_BYTES = 38;

    public ChannelList {
        channels = List.copyOf(channels);
        if (channels.size() > 8) {
            throw new IllegalArgumentException("CHANNEL_LIST has 8 slots, got " + channels.size());
        }
    }

    @Override
    public Command command() {
        return Command.CHANNEL_LIST;
    }
}
