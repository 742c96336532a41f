package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * AUTH_START (id 101, v2, client → server): u16 length + UTF-8 mechanism name, u32 length + the SCRAM
 * client-first-message.
 *
 * @param mechanism {@code SCRAM-SHA-256}
 * @param clientFirst {@code n,,n=<user>,r=<nonce>}
 */
public record AuthStart(String mechanism, String clientFirst) implements ExtensionMessage {
    @Override
    public Command command() {
        return Command.AUTH_START;
    }
}
