package org.svp.protocol.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server side of one SCRAM-SHA-256 exchange: {@link #serverFirst(String)} answers the
 * client-first-message, {@link #verify(String, List)} checks the client-final-message's proof against
 * every credential the server holds (all derived with the same salt and iteration count) and returns
 * the one that matched with the server-final-message. Every credential is checked, matched or not, so
 * the time taken does not say which one matched. One instance per exchange, one thread.
 */
public final class ScramServer {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final int iterations;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String gs2Header;

    /**
     * A match: the credential and the server-final-message to send.
     *
     * @param credential the secret the client proved it knows
     * @param serverFinal {@code v=<ServerSignature>}
     */
    public record Match(ScramCredential credential, String serverFinal) {
    }

    /**
     * @param salt the server's salt (one per server start)
     * @param iterations its iteration count
     */
    public ScramServer(byte[] salt, int iterations) {
        this.salt = salt.clone();
        this.iterations = iterations;
    }

    /**
     * @param clientFirst {@code n,,n=<user>,r=<nonce>}
     * @return the server-first-message
     * @throws ScramException if malformed or asking for channel binding
     */
    public String serverFirst(String clientFirst) {
        return serverFirst(clientFirst, randomNonce());
    }

    /**
     * @param clientFirst the client-first-message
     * @param serverNonce the server's nonce part (tests use RFC 7677's)
     * @return the server-first-message
     */
    public String serverFirst(String clientFirst, String serverNonce) {
        if (!(clientFirst.startsWith("n,,") || clientFirst.startsWith("y,,"))) {
            throw new ScramException("SCRAM client-first-message must start with n,, (no channel binding, no authzid)");
        }
        gs2Header = clientFirst.substring(0, 3);
        clientFirstBare = clientFirst.substring(3);
        String r = Scram.attribute(clientFirstBare, 'r');
        if (!clientFirstBare.startsWith("n=") || r == null || r.isEmpty() || r.indexOf(',') >= 0) {
            throw new ScramException("SCRAM client-first-message is malformed");
        }
        nonce = r + serverNonce;
        serverFirst = "r=" + nonce + ",s=" + Scram.b64(salt) + ",i=" + iterations;
        return serverFirst;
    }

    private static String randomNonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().withoutPadding().encodeToString(b).replace('+', '-').replace('/', '_');
    }

    /**
     * @param clientFinal {@code c=biws,r=<nonce>,p=<proof>}
     * @param credentials every secret the server accepts now
     * @return the matching credential, or empty (wrong secret)
     * @throws ScramException if the message is malformed, out of order or has the wrong nonce
     */
    public Optional<Match> verify(String clientFinal, List<ScramCredential> credentials) {
        if (serverFirst == null) {
            throw new ScramException("SCRAM client-final-message before the client-first-message");
        }
        int proofAt = clientFinal.lastIndexOf(",p=");
        if (proofAt < 0) {
            throw new ScramException("SCRAM client-final-message has no proof");
        }
        String withoutProof = clientFinal.substring(0, proofAt);
        String c = Scram.attribute(withoutProof, 'c');
        String r = Scram.attribute(withoutProof, 'r');
        String expectedC = Base64.getEncoder().encodeToString(gs2Header.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (!expectedC.equals(c) || !nonce.equals(r)) {
            throw new ScramException("SCRAM client-final-message has the wrong channel binding or nonce");
        }
        byte[] proof;
        try {
            proof = Scram.unb64(clientFinal.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            throw new ScramException("SCRAM proof is not base64");
        }
        if (proof.length != 32) {
            throw new ScramException("SCRAM proof must have 32 bytes, got " + proof.length);
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        Match found = null;
        for (ScramCredential cred : credentials) {
            byte[] clientKey = Scram.xor(proof, Scram.hmac(cred.keys().storedKey(), authMessage));
            boolean ok = MessageDigest.isEqual(Scram.h(clientKey), cred.keys().storedKey());
            if (ok && found == null) {
                found = new Match(cred, "v=" + Scram.b64(Scram.hmac(cred.keys().serverKey(), authMessage)));
            }
        }
        return Optional.ofNullable(found);
    }
}
