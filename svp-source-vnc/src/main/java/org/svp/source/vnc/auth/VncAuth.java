package org.svp.source.vnc.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC authentication (RFC 6143 §7.2.2): the server's 16-byte challenge encrypted with DES, the key
 * being the password's first 8 bytes (zero-padded) with each byte's bits mirrored, as every VNC
 * implementation does. A weak scheme kept for compatibility: use it on loopback or inside a tunnel.
 * Stateless.
 */
public final class VncAuth {
    /** Challenge and response length. */
    public static final int CHALLENGE_BYTES = 16;
    /** Password bytes that count; the rest is ignored, as RFB says. */
    public static final int KEY_BYTES = 8;

    private VncAuth() {
    }

    /**
     * @param password the password (Latin-1; only its first 8 characters are used)
     * @param challenge the server's 16 bytes
     * @return the 16-byte response
     */
    public static byte[] respond(String password, byte[] challenge) {
        byte[] key = new byte[KEY_BYTES];
        byte[] pw = password.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < Math.min(KEY_BYTES, pw.length); i++) {
            key[i] = (byte) (Integer.reverse(pw[i] & 0xFF) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge, 0, CHALLENGE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no DES cipher: " + e.getMessage(), e);
        }
    }
}
