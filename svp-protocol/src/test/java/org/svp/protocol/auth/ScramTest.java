package org.svp.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SCRAM-SHA-256 against RFC 7677 §3's exchange, and the server's check against several secrets. */
class ScramTest {
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final byte[] SALT = Base64.getDecoder().decode("W22ZaJ0SNY7soEsUEjb6gQ==");
    private static final String SERVER_FIRST = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private static final String CLIENT_FINAL = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
            + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private static final String SERVER_FINAL = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    private static ScramCredential credential(String name, String secret, int role) {
        return new ScramCredential(name, role, Scram.keys(Scram.saltedPassword(secret, SALT, 4096)), null);
    }

    @Test
    void clientProducesRfc7677Messages() {
        ScramClient c = new ScramClient("pencil", CLIENT_NONCE);
        assertThat(c.clientFirst("user")).isEqualTo("n,,n=user,r=" + CLIENT_NONCE);
        assertThat(c.clientFinal(SERVER_FIRST)).isEqualTo(CLIENT_FINAL);
        assertThat(c.verifyServer(SERVER_FINAL)).isTrue();
        assertThat(c.verifyServer("v=AAAA" + SERVER_FINAL.substring(6))).isFalse();
    }

    @Test
    void serverAcceptsRfc7677ProofAndSignsLikeTheRfc() {
        ScramServer s = new ScramServer(SALT, 4096);
        assertThat(s.serverFirst("n,,n=user,r=" + CLIENT_NONCE, SERVER_NONCE)).isEqualTo(SERVER_FIRST);
        ScramCredential view = credential("view", "other", 0);
        ScramCredential control = credential("control", "pencil", 1);
        var match = s.verify(CLIENT_FINAL, List.of(view, control));
        assertThat(match).hasValueSatisfying(m -> {
            assertThat(m.credential()).isSameAs(control);
            assertThat(m.serverFinal()).isEqualTo(SERVER_FINAL);
        });
    }

    @Test
    void wrongSecretMatchesNothing() {
        ScramServer s = new ScramServer(SALT, 4096);
        s.serverFirst("n,,n=user,r=" + CLIENT_NONCE, SERVER_NONCE);
        assertThat(s.verify(CLIENT_FINAL, List.of(credential("control", "pencil2", 1)))).isEmpty();
    }

    @Test
    void fullExchangePicksTheViewOnlySecret() {
        byte[] salt = new byte[16];
        ScramServer s = new ScramServer(salt, 4096);
        ScramClient c = new ScramClient("look");
        String first = s.serverFirst(c.clientFirst());
        String fin = c.clientFinal(first);
        ScramCredential control = new ScramCredential("c", 1, Scram.keys(Scram.saltedPassword("touch", salt, 4096)), null);
        ScramCredential view = new ScramCredential("v", 0, Scram.keys(Scram.saltedPassword("look", salt, 4096)), null);
        var m = s.verify(fin, List.of(control, view)).orElseThrow();
        assertThat(m.credential().role()).isZero();
        assertThat(c.verifyServer(m.serverFinal())).isTrue();
    }

    @Test
    void tamperedNonceOrLowIterationsAreRefused() {
        ScramServer s = new ScramServer(SALT, 4096);
        s.serverFirst("n,,n=user,r=" + CLIENT_NONCE, SERVER_NONCE);
        assertThat(catchThrowableOfType(ScramException.class, () -> s.verify(CLIENT_FINAL.replace("k0,", "k1,"), List.of())))
                .hasMessageContaining("nonce");
        ScramClient c = new ScramClient("pencil", CLIENT_NONCE);
        c.clientFirst();
        assertThat(catchThrowableOfType(ScramException.class, () -> c.clientFinal(SERVER_FIRST.replace("i=4096", "i=1"))))
                .hasMessageContaining("iterations");
        // an empty salt would reach PBEKeySpec, which throws IllegalArgumentException, not ScramException
        assertThat(catchThrowableOfType(ScramException.class, () -> c.clientFinal(SERVER_FIRST.replace("s=W22ZaJ0SNY7soEsUEjb6gQ==", "s="))))
                .hasMessageContaining("empty salt");
        assertThat(catchThrowableOfType(ScramException.class, () -> new ScramServer(SALT, 4096).serverFirst("p=x,,n=,r=a")))
                .hasMessageContaining("channel binding");
    }
}
