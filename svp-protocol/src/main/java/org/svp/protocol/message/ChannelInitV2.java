package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * CHANNEL_INIT_V2 (id 106, v2, client → server, 40 bytes): u16 channel_type, u16 queue_length,
 * u32 features, u8[32] token. Sent instead of CHANNEL_INIT by a v2 client on every non-main channel.
 *
 * @param channelType which channel this connection is
 * @param queueLength a hint, 0 = none
 * @param features what the client supports
 * @param token the session token from SESSION (owned by the record, not copied)
 */
public record ChannelInitV2(int channelType, int queueLength, int features, byte[] token) implements ExtensionMessage {
    /** Body length in bytes. */
    public static final int BODY_BYTES = 8 + SessionToken.TOKEN_BYTES;

    public ChannelInitV2 {
        if (token.length != SessionToken.TOKEN_BYTES) {
            throw new IllegalArgumentException("a session token has 32 bytes, got " + token.length);
        }
    }

    @Override
    public Command command() {
        return Command.CHANNEL_INIT_V2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelInitV2 c && channelType == c.channelType && queueLength == c.queueLength
                && features == c.features && java.util.Arrays.equals(token, c.token);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(token) * 31 + channelType;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ChannelInitV2[channelType=" + channelType + ", queueLength=" + queueLength + ", features=" + features + "]";
    }
}
