package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * AUTH_RESULT (id 104, v2, server → client): u8 status, u8 role, u32 length + the server-final-message
 * ({@code v=<signature>}) on success or an error text.
 *
 * @param status {@link #OK}, {@link #BAD_CREDENTIALS}, {@link #RATE_LIMITED}, {@link #UNSUPPORTED}, {@link #TIMEOUT}
 * @param role {@link SessionToken#ROLE_VIEW} or {@link SessionToken#ROLE_CONTROL}
 * @param text server-final-message or error text
 */
public record AuthResult(int status, int role, String text) implements ExtensionMessage {
    public static final int OK = 0;
    public static final int BAD_CREDENTIALS = 1;
    public static final int RATE_LIMITED = 2;
    public static final int UNSUPPORTED = 3;
    public static final int TIMEOUT = 4;

    @Override
    public Command command() {
        return Command.AUTH_RESULT;
    }
}
