package org.svp.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM-SHA-256 primitives of RFC 5802 §3 with SHA-256 (RFC 7677): Hi (PBKDF2-HMAC-SHA-256),
 * HMAC, H, and the derived keys. JDK only ({@code Mac}, {@code SecretKeyFactory}, {@code MessageDigest}).
 * Stateless and thread-safe.
 */
public final class Scram {
    /** The mechanism name sent in AUTH_START. */
    public static final String MECHANISM = "SCRAM-SHA-256";
    /** RFC 7677's minimum iteration count. */
    public static final int MIN_ITERATIONS = 4096;
    /** "n,," base64: no channel binding, no authzid. */
    public static final String GS2_HEADER_B64 = "biws";

    private Scram() {
    }

    /**
     * The derived keys of one secret: what a server stores instead of the secret.
     *
     * @param storedKey H(ClientKey)
     * @param serverKey HMAC(SaltedPassword, "Server Key")
     */
    public record Keys(byte[] storedKey, byte[] serverKey) {
    }

    /**
     * @param password the secret (UTF-8; SASLprep is not applied: the secrets here are ASCII or the
     *     same bytes on both sides)
     * @param salt the salt
     * @param iterations at least 4096
     * @return SaltedPassword = Hi(password, salt, i)
     */
    public static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            // PBKDF2 with HMAC-SHA-256 and one 32-byte block is exactly Hi() of RFC 5802
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        }
    }

    /**
     * @param saltedPassword SaltedPassword
     * @return the keys a server keeps
     */
    public static Keys keys(byte[] saltedPassword) {
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        return new Keys(h(clientKey), hmac(saltedPassword, "Server Key"));
    }

    /** @return HMAC-SHA-256(key, text as UTF-8) */
    public static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** @return SHA-256(data) */
    public static byte[] h(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** @return a XOR b (same length) */
    public static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }

    /**
     * One attribute of a SCRAM message ({@code k=value}), or null.
     *
     * @param message comma-separated attributes
     * @param key the one-letter key
     * @return the value of its first occurrence, or null
     */
    static String attribute(String message, char key) {
        for (String part : message.split(",", -1)) {
            if (part.length() >= 2 && part.charAt(0) == key && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        return null;
    }
}
