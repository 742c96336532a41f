package org.svp.server.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.svp.netty.tls.CertificateFingerprint;
import org.svp.netty.tls.TlsVersions;

/**
 * The server's TLS settings: the context every TLS connection is served with, or none
 * ({@code --no-tls}: no TLS offered, v2 sessions accepted in plain text). Immutable; built once at
 * start by the CLI (or a test) and shared by every listening port.
 *
 * @param context the JSSE server context, or null when TLS is off
 * @param fingerprint the leaf certificate's {@code sha256:HEX}, or null when TLS is off
 * @param origin where the certificate came from (for the start-up log line), or null
 */
public record ServerTls(SslContext context, String fingerprint, String origin) {

    /** @return TLS off: plain SVP only, v2 sessions accepted in plain text ({@code --no-tls}) */
    public static ServerTls off() {
        return new ServerTls(null, null, null);
    }

    /**
     * A JSSE context (the JDK's SSLEngine, TLS 1.3 and 1.2) for this key and chain.
     *
     * @param key the leaf's private key
     * @param chain the leaf first
     * @param origin where they came from, for the log
     * @return TLS on
     * @throws SSLException if JSSE rejects the key or chain
     */
    public static ServerTls of(PrivateKey key, List<X509Certificate> chain, String origin) throws SSLException {
        SslContext ctx = SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                .sslProvider(SslProvider.JDK)
                .protocols(TlsVersions.ENABLED)
                .build();
        return new ServerTls(ctx, CertificateFingerprint.of(chain.getFirst()), origin);
    }

    /** @return whether TLS connections are served */
    public boolean enabled() {
        return context != null;
    }
}
