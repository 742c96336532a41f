package org.svp.client.tls;

import java.io.IOException;

/**
 * The server's certificate is not the pinned one. Not worth retrying: the viewer shows the message and
 * stops reconnecting; the CLI prints it as its one error line and exits 1. The message names both
 * fingerprints and the file to edit.
 */
public final class ServerCertificateChangedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message "the certificate of HOST:PORT changed (pinned …, now …); if this is expected, remove …" */
    public ServerCertificateChangedException(String message) {
        super(message);
    }
}
