package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * AUTH_RESPONSE (id 103, v2, client → server): u32 length + the SCRAM client-final-message.
 *
 * @param clientFinal {@code c=biws,r=<nonce>,p=<proof>}
 */
public record AuthResponse(String clientFinal) implements ExtensionMessage {
    @Override
    public Command command() {
        return Command.AUTH_RESPONSE;
    }

    /** Never prints the proof: with the salt and nonces it would allow an offline guess at the password. */
    @Override
    public String toString() {
        return "AuthResponse[<" + clientFinal.length() + " chars>]";
    }
}
