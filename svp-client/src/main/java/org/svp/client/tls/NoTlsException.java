package org.svp.client.tls;

import java.io.IOException;

/**
 * The server did not answer the TLS ClientHello as a TLS server: it sent plain SVP bytes or closed the
 * connection (a v1 server, or one run with {@code --no-tls}). The message suggests {@code --no-tls}.
 */
public final class NoTlsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message one line for the user */
    public NoTlsException(String message) {
        super(message);
    }
}
