package org.svp.netty.tls;

import java.util.List;

/** The TLS versions both ends enable (protocol.md: TLS 1.3, 1.2 allowed). */
public final class TlsVersions {
    /** In order of preference. */
    public static final List<String> ENABLED = List.of("TLSv1.3", "TLSv1.2");
    /** The first byte of a TLS stream: a handshake record (content type 22). */
    public static final int HANDSHAKE_RECORD = 0x16;

    private TlsVersions() {
    }
}
