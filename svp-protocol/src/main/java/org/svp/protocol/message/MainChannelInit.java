package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * MAIN_CHANNEL_INIT (id 40, 8 bytes): uint32 client_version, uint16 rtt_ms, uint16 bandwidth_mbit.
 *
 * @param clientVersion 1 for v1 clients
 * @param rttMs round-trip hint
 * @param bandwidthMbit bandwidth hint
 */
public record MainChannelInit(long clientVersion, int rttMs, int bandwidthMbit) implements Message {
    @Override
    public Command command() {
        return Command.MAIN_CHANNEL_INIT;
    }
}
