package org.svp.client.tls;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.svp.netty.tls.CertificateFingerprint;

/**
 * Trusts a server certificate that the JDK's default trust store validates for the host name (the
 * engine asks for HTTPS endpoint identification); otherwise trust on first use: an unknown server is
 * pinned in {@link KnownServers} with one notice, the pinned certificate is accepted, another one is
 * refused with {@link CertificateChangedException}. One instance per client connection (all its
 * channels share the pin of {@code host:mainPort}); called on the channels' event-loop threads during
 * the TLS hand-shake.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager system;
    private final KnownServers known;
    private final String server;
    private final Consumer<String> notice;

    /**
     * @param known the pins
     * @param server {@code host:port} of the main channel: the key of the pin
     * @param notice told one line (without "svp: ") when a server is pinned on first use
     */
    PinningTrustManager(KnownServers known, String server, Consumer<String> notice) {
        this.system = SystemTrust.MANAGER;
        this.known = known;
        this.server = server;
        this.notice = notice;
    }

    /** The JDK's default trust manager, loaded once (parsing the cacerts store costs ~100 ms). */
    private static final class SystemTrust {
        static final X509ExtendedTrustManager MANAGER = systemTrustManager();
    }

    private static X509ExtendedTrustManager systemTrustManager() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    return x;
                }
            }
        } catch (java.security.GeneralSecurityException e) {
            // no usable default trust store: pinning alone decides
        }
        return null;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (system != null) {
            try {
                system.checkServerTrusted(chain, authType, engine);
                return; // a CA-issued certificate valid for this host name: no pin needed
            } catch (CertificateException e) {
                // self-signed or not valid for this name: the pin decides
            }
        }
        checkPinned(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (system != null) {
            try {
                system.checkServerTrusted(chain, authType, socket);
                return;
            } catch (CertificateException e) {
                // the pin decides
            }
        }
        checkPinned(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkPinned(chain); // no host name to check a CA certificate against: pins only
    }

    private void checkPinned(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String now = CertificateFingerprint.of(chain[0]);
        String pinned;
        try {
            pinned = known.lookup(server).orElse(null);
            if (pinned == null) {
                pinned = known.pin(server, now);
                if (pinned.equals(now)) {
                    notice.accept("trusting the certificate of " + server + " on first use (" + now + ")");
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw new CertificateException(e.getMessage(), e);
        }
        if (!pinned.equals(now)) {
            throw new CertificateChangedException("the certificate of " + server + " changed (pinned " + pinned
                    + ", now " + now + "); if this is expected, remove its line from " + known.file());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not check client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
