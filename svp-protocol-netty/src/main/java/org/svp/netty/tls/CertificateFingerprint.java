package org.svp.netty.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The one spelling of a certificate's identity that the server logs and clients pin:
 * {@code sha256:} + lower-case hex of the SHA-256 of the certificate's DER encoding (what
 * {@code openssl x509 -fingerprint -sha256} prints, without the colons). Not secret.
 */
public final class CertificateFingerprint {
    private CertificateFingerprint() {
    }

    /**
     * @param cert a certificate
     * @return {@code sha256:HEX}
     */
    public static String of(X509Certificate cert) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }
}
