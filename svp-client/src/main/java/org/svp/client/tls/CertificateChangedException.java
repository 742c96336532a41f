package org.svp.client.tls;

import java.security.cert.CertificateException;

/**
 * Thrown by {@link PinningTrustManager} inside the TLS hand-shake when a server shows another
 * certificate than the one pinned for it; {@link ClientTransport} turns it into
 * {@link ServerCertificateChangedException} for the caller. The message is the user's one line.
 */
final class CertificateChangedException extends CertificateException {
    private static final long serialVersionUID = 1L;

    CertificateChangedException(String message) {
        super(message);
    }
}
