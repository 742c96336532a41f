package org.svp.server.transport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads a PEM certificate chain and a PEM private key (PKCS#8 "PRIVATE KEY", or OpenSSL's
 * "EC PRIVATE KEY"/"RSA PRIVATE KEY") with BouncyCastle's parser, and checks that they belong
 * together. Every failure is a {@link TlsSetupException} whose message is one line naming the file.
 * Called once at server start.
 */
public final class PemFiles {
    private PemFiles() {
    }

    /**
     * @param file a PEM file with one or more certificates, the server's first
     * @return the chain, leaf first
     * @throws TlsSetupException if unreadable or holding no certificate
     */
    public static List<X509Certificate> readChain(Path file) throws TlsSetupException {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    chain.add(conv.getCertificate(h));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsSetupException("cannot read the TLS certificate " + file + ": " + why(e));
        }
        if (chain.isEmpty()) {
            throw new TlsSetupException("the TLS certificate file " + file + " holds no PEM certificate");
        }
        return chain;
    }

    /**
     * @param file a PEM file with one unencrypted private key
     * @return the key
     * @throws TlsSetupException if unreadable, encrypted or holding no key
     */
    public static PrivateKey readKey(Path file) throws TlsSetupException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                switch (o) {
                    case PrivateKeyInfo info -> {
                        return conv.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> { // OpenSSL's EC/RSA form; the public part may be absent
                        return conv.getPrivateKey(pair.getPrivateKeyInfo());
                    }
                    case PKCS8EncryptedPrivateKeyInfo e -> throw new TlsSetupException("the TLS key " + file
                            + " is encrypted; give an unencrypted key (protect the file with mode 0600)");
                    case PEMEncryptedKeyPair e -> throw new TlsSetupException("the TLS key " + file
                            + " is encrypted; give an unencrypted key (protect the file with mode 0600)");
                    default -> {
                        // a certificate or parameters in the same file: look further
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TlsSetupException("cannot read the TLS key " + file + ": " + why(e));
        }
        throw new TlsSetupException("the TLS key file " + file + " holds no PEM private key");
    }

    /**
     * Signs a test message with the key and verifies it with the certificate's public key.
     *
     * @param key the private key
     * @param cert the leaf certificate
     * @return whether they are a pair
     */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        PublicKey pub = cert.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm())) {
            return false;
        }
        String alg = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return true; // an algorithm we cannot test: JSSE will complain during the first hand-shake
        }
        try {
            byte[] probe = "svp key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String why(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
