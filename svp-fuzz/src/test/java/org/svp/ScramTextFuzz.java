package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.svp.protocol.auth.Scram;
import org.svp.protocol.auth.ScramClient;
import org.svp.protocol.auth.ScramCredential;
import org.svp.protocol.auth.ScramException;
import org.svp.protocol.auth.ScramServer;

/**
 * Both sides: the SCRAM-SHA-256 texts the v2 hand-shake carries (AUTH_START, AUTH_CHALLENGE,
 * AUTH_RESPONSE, AUTH_RESULT), through the parsers that read them. Input: u8 picks the parser
 * (byte % 4), the rest is the text (UTF-8):
 * <ol start="0">
 *   <li>client-first, read by the server ({@link ScramServer#serverFirst(String, String)});</li>
 *   <li>server-first, read by the client ({@link ScramClient#clientFinal});</li>
 *   <li>client-final, read by the server after a fixed client-first ({@link ScramServer#verify});</li>
 *   <li>server-final, read by the client after a fixed exchange ({@link ScramClient#verifyServer}).</li>
 * </ol>
 * A text is answered or refused with a {@link ScramException} (one line for the peer); anything else
 * thrown is a bug. A fuzzed client-final never proves the password, a fuzzed server-final never proves
 * the server. Server-first texts whose iteration count the client would accept above the minimum are
 * left out: the client's PBKDF2 runs that many rounds (up to 10 000 000, by design), which would make
 * single runs take seconds, not find bugs. Called on the fuzzing thread.
 */
class ScramTextFuzz {
    private static final String PASSWORD = "pencil";
    private static final String CLIENT_NONCE = "rOprNGfwEbeRWgbNEkqO";
    private static final String SERVER_NONCE = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private static final byte[] SALT = "fuzz-salt-16byte".getBytes(StandardCharsets.US_ASCII);
    private static final List<ScramCredential> CREDENTIALS = List.of(new ScramCredential("control", 1,
            Scram.keys(Scram.saltedPassword(PASSWORD, SALT, Scram.MIN_ITERATIONS)), null));
    /** A client that finished a real exchange with {@link #SERVER_FIRST}: it can check server-final texts. */
    private static final ScramClient DONE_CLIENT = new ScramClient(PASSWORD, CLIENT_NONCE);
    private static final String CLIENT_FIRST = DONE_CLIENT.clientFirst();
    private static final String SERVER_FIRST = "r=" + CLIENT_NONCE + SERVER_NONCE + ",s="
            + java.util.Base64.getEncoder().encodeToString(SALT) + ",i=" + Scram.MIN_ITERATIONS;

    static {
        DONE_CLIENT.clientFinal(SERVER_FIRST);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] input) {
        check(input);
    }

    static void check(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        try {
            switch ((input[0] & 0xFF) % 4) {
                case 0 -> clientFirst(text);
                case 1 -> serverFirst(text);
                case 2 -> clientFinal(text);
                default -> assertThat(DONE_CLIENT.verifyServer(text)).isFalse();
            }
        } catch (ScramException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }

    private static void clientFirst(String text) {
        String answer = new ScramServer(SALT, Scram.MIN_ITERATIONS).serverFirst(text, SERVER_NONCE);
        assertThat(answer).startsWith("r=").contains(SERVER_NONCE + ",s=");
    }

    private static void serverFirst(String text) {
        if (iterations(text) > Scram.MIN_ITERATIONS) {
            return; // maybe accepted, but slow by design: see the class comment
        }
        String fin = new ScramClient(PASSWORD, CLIENT_NONCE).clientFinal(text);
        assertThat(fin).startsWith("c=").contains(",p=");
    }

    private static void clientFinal(String text) {
        ScramServer server = new ScramServer(SALT, Scram.MIN_ITERATIONS);
        server.serverFirst(CLIENT_FIRST, SERVER_NONCE);
        Optional<ScramServer.Match> m = server.verify(text, CREDENTIALS);
        assertThat(m).isEmpty();
    }

    /** @return the iteration count the client would read from a server-first text, or 0 if none */
    private static int iterations(String text) {
        String i = firstAttribute(text, 'i');
        try {
            return i == null ? 0 : Integer.parseInt(i); // as the client parses it (any Unicode digits)
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first {@code key=value} of a comma-separated SCRAM text, as the parsers read it; or null. */
    private static String firstAttribute(String text, char key) {
        for (String part : text.split(",", -1)) {
            if (part.length() >= 2 && part.charAt(0) == key && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        return null;
    }
}
