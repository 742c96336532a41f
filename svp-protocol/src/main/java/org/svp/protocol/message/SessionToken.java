package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * SESSION (id 105, v2, server → client): u8[32] token, u8 role, u32 reserved. The token ties the
 * client's other channels to this session ({@link ChannelInitV2}).
 *
 * @param token 32 random bytes (owned by the record, not copied)
 * @param role {@link #ROLE_VIEW} or {@link #ROLE_CONTROL}
 * @param reserved 0
 */
public record SessionToken(byte[] token, int role, long reserved) implements ExtensionMessage {
    /** Token length in bytes. */
    public static final int TOKEN_BYTES = 32;
    /** Body length in bytes. */
    public static final int BODY_BYTES = TOKEN_BYTES + 1 + 4;
    public static final int ROLE_VIEW = 0;
    public static final int ROLE_CONTROL = 1;

    public SessionToken {
        if (token.length != TOKEN_BYTES) {
            throw new IllegalArgumentException("a session token has 32 bytes, got " + token.length);
        }
    }

    @Override
    public Command command() {
        return Command.SESSION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken s && java.util.Arrays.equals(token, s.token) && role == s.role
                && reserved == s.reserved;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(token) * 31 + role;
    }

    /** Never prints the token: it is a credential while the session lives. */
    @Override
    public String toString() {
        return "SessionToken[role=" + role + ", token=<" + TOKEN_BYTES + " bytes>]";
    }
}
