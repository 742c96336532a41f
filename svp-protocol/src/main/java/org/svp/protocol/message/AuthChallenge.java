package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * AUTH_CHALLENGE (id 102, v2, server → client): u32 length + the SCRAM server-first-message.
 *
 * @param serverFirst {@code r=<nonce>,s=<salt>,i=<iterations>}
 */
public record AuthChallenge(String serverFirst) implements ExtensionMessage {
    @Override
    public Command command() {
        return Command.AUTH_CHALLENGE;
    }
}
