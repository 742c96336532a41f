package org.svp.server.auth;

import java.security.SecureRandom;

/**
 * The salt and iteration count every secret of one server is derived with (one SCRAM exchange is
 * checked against all of them, so they must share both). Made once per server start; see
 * {@link TicketStore} for how tickets written by {@code svp ticket} agree with it.
 *
 * @param salt 16 random bytes
 * @param iterations PBKDF2 iterations, at least 4096
 */
public record ScramParameters(byte[] salt, int iterations) {
    /** 4096 (RFC 7677's minimum) costs about 5 ms per secret here; 8192 doubles the attacker's work. */
    public static final int DEFAULT_ITERATIONS = 8192;

    public ScramParameters {
        salt = salt.clone();
        if (iterations < 4096) {
            throw new IllegalArgumentException("SCRAM needs at least 4096 iterations, got " + iterations);
        }
    }

    /** @return a fresh random salt with the default iteration count */
    public static ScramParameters random() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new ScramParameters(salt, DEFAULT_ITERATIONS);
    }
}
