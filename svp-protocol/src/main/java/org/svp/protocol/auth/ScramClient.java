package org.svp.protocol.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The client side of one SCRAM-SHA-256 exchange (RFC 5802 §3): {@link #clientFirst()}, then
 * {@link #clientFinal(String)} with the server-first-message, then {@link #verifyServer(String)} with
 * the server-final-message. The user name is empty: the secret alone decides the role. One instance
 * per exchange, one thread.
 */
public final class ScramClient {
    private final String password;
    private final String nonce;
    private String user = "";
    private String authMessage;
    private byte[] serverKey;

    /** @param password the secret (never sent) */
    public ScramClient(String password) {
        this(password, randomNonce());
    }

    /**
     * @param password the secret
     * @param nonce the client nonce (tests use RFC 7677's)
     */
    public ScramClient(String password, String nonce) {
        this.password = password;
        this.nonce = nonce;
    }

    private static String randomNonce() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '-').replace('/', '_');
    }

    /** @return the client-first-message {@code n,,n=,r=<nonce>} */
    public String clientFirst() {
        return "n,," + clientFirstBare("");
    }

    /**
     * @param user the user name (RFC 7677's vector uses "user"; SVP sends an empty one)
     * @return client-first-message with that user
     */
    public String clientFirst(String user) {
        return "n,," + clientFirstBare(user);
    }

    private String clientFirstBare(String u) {
        this.user = u;
        return "n=" + u + ",r=" + nonce;
    }

    /**
     * @param serverFirst {@code r=<nonce>,s=<salt>,i=<iterations>}
     * @return the client-final-message with the proof
     * @throws ScramException if the server's message is malformed, its nonce does not extend ours, or
     *     the iteration count is below 4096
     */
    public String clientFinal(String serverFirst) {
        String r = Scram.attribute(serverFirst, 'r');
        String s = Scram.attribute(serverFirst, 's');
        String i = Scram.attribute(serverFirst, 'i');
        if (r == null || s == null || i == null || !r.startsWith(nonce) || r.length() == nonce.length()) {
            throw new ScramException("the server's SCRAM challenge is malformed");
        }
        int iterations;
        byte[] salt;
        try {
            iterations = Integer.parseInt(i);
            salt = Scram.unb64(s);
        } catch (IllegalArgumentException e) {
            throw new ScramException("the server's SCRAM challenge is malformed");
        }
        if (salt.length == 0) { // PBEKeySpec would throw IllegalArgumentException on it
            throw new ScramException("the server's SCRAM challenge has an empty salt");
        }
        if (iterations < Scram.MIN_ITERATIONS || iterations > 10_000_000) {
            throw new ScramException("the server asks for " + iterations + " SCRAM iterations (4096..10000000 accepted)");
        }
        byte[] salted = Scram.saltedPassword(password, salt, iterations);
        byte[] clientKey = Scram.hmac(salted, "Client Key");
        byte[] storedKey = Scram.h(clientKey);
        String withoutProof = "c=" + Scram.GS2_HEADER_B64 + ",r=" + r;
        authMessage = "n=" + user + ",r=" + nonce + "," + serverFirst + "," + withoutProof;
        byte[] proof = Scram.xor(clientKey, Scram.hmac(storedKey, authMessage));
        serverKey = Scram.hmac(salted, "Server Key");
        return withoutProof + ",p=" + Scram.b64(proof);
    }

    /**
     * @param serverFinal {@code v=<signature>}
     * @return true if the server proved it knows the secret too
     */
    public boolean verifyServer(String serverFinal) {
        String v = Scram.attribute(serverFinal, 'v');
        if (v == null || serverKey == null) {
            return false;
        }
        try {
            return MessageDigest.isEqual(Scram.unb64(v), Scram.hmac(serverKey, authMessage));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
