package org.svp.server.transport;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * What a server connection's transport is: TLS or plain SVP. {@link PortUnificationHandler} sets both
 * attributes on every accepted channel before any SVP message is decoded (plain: on the first byte;
 * TLS: the SVP decoder sees bytes only after the TLS hand-shake). The hand-shake code reads them on the
 * I/O thread to refuse a v2 session that arrives in plain text unless the server runs with
 * {@code --no-tls} (protocol.md, "Transport: TLS or plain on the same ports").
 */
public final class TransportSecurity {
    /** True when the channel's bytes go through TLS. */
    public static final AttributeKey<Boolean> TLS = AttributeKey.valueOf("svp.tls");
    /** True when the server accepts v2 sessions in plain text ({@code --no-tls}). */
    public static final AttributeKey<Boolean> PLAIN_V2_ALLOWED = AttributeKey.valueOf("svp.plainV2Allowed");

    private TransportSecurity() {
    }

    /**
     * @param ch a server connection
     * @return whether its bytes go through TLS
     */
    public static boolean isTls(Channel ch) {
        return Boolean.TRUE.equals(ch.attr(TLS).get());
    }

    /**
     * Whether a v2 session may be served on this connection: it is TLS, or the server runs with
     * {@code --no-tls}. A channel that never went through the port-unification handler (a test's
     * {@code EmbeddedChannel}) counts as plain with plain v2 allowed.
     *
     * @param ch a server connection
     * @return true if a v2 hand-shake on it is acceptable
     */
    public static boolean v2Allowed(Channel ch) {
        Boolean plainOk = ch.attr(PLAIN_V2_ALLOWED).get();
        return isTls(ch) || plainOk == null || plainOk;
    }
}
