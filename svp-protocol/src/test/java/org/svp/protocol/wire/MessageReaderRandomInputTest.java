package org.svp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.PeerProtocolException;
import org.svp.protocol.message.Message;

/**
 * Seeded random input (reproducible: fixed seeds). The reader must either decode or throw
 * {@link PeerProtocolException}; any other throwable is a bug. Whatever decodes must encode to bytes
 * that decode to the same message again.
 */
class MessageReaderRandomInputTest {
    private static final long SEED = 0x5F9_2026L;
    private static final int RANDOM_FRAMES = 20_000;
    private static final int MUTATIONS_PER_GOLDEN = 500;

    /** Outcome counts, so the test can check that both paths were exercised. */
    private int decoded;
    private int rejected;

    @Test
    void randomBodiesUnderValidHeadersDecodeOrThrowPeerProtocolException() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < RANDOM_FRAMES; i++) {
            int id = rnd.nextInt(51);
            int len = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(16);
                case 1 -> rnd.nextInt(40);
                case 2 -> rnd.nextInt(120);
                default -> rnd.nextInt(1200);
            };
            byte[] body = new byte[len];
            rnd.nextBytes(body);
            if (rnd.nextBoolean()) {
                sparsify(body, rnd); // many small values: plausible counts, sizes and flags
            }
            check("random #" + i, WireBytes.frame(id, body));
        }
        assertThat(decoded).as("decoded").isGreaterThan(100);
        assertThat(rejected).as("rejected").isGreaterThan(1000);
    }

    @Test
    void mutatedCapturedMessagesDecodeOrThrowPeerProtocolException() throws IOException, URISyntaxException {
        Random rnd = new Random(SEED + 1);
        int n = 0;
        for (byte[] original : capturedMessages()) {
            for (int k = 0; k < MUTATIONS_PER_GOLDEN; k++) {
                byte[] body = Arrays.copyOfRange(original, 8, original.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> body = Arrays.copyOf(body, rnd.nextInt(body.length + 1)); // truncate
                    case 1 -> body = Arrays.copyOf(body, body.length + 1 + rnd.nextInt(40)); // extend
                    default -> { }
                }
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips && body.length > 0; f++) {
                    int at = rnd.nextInt(Math.min(body.length, 48));
                    body[at] = switch (rnd.nextInt(3)) {
                        case 0 -> (byte) rnd.nextInt(256);
                        case 1 -> (byte) 0xFF;
                        default -> (byte) (body[at] + (rnd.nextBoolean() ? 1 : -1));
                    };
                }
                int id = (original[2] & 0xFF) | (original[3] & 0xFF) << 8;
                check("mutation #" + n++, WireBytes.frame(id, body));
            }
        }
        assertThat(decoded).isPositive();
        assertThat(rejected).isPositive();
    }

    private void check(String what, byte[] frame) {
        Message m;
        try {
            m = MessageReader.decodeFrame(frame);
        } catch (PeerProtocolException e) {
            rejected++;
            return;
        } catch (Throwable t) {
            fail(what + ": " + WireBytes.toHex(frame) + " threw " + t, t);
            return;
        }
        decoded++;
        byte[] again = MessageWriter.encode(m);
        assertThat(MessageWriter.encode(MessageReader.decodeFrame(again))).as(what).isEqualTo(again);
    }

    private static void sparsify(byte[] body, Random rnd) {
        for (int i = 0; i < body.length; i++) {
            if (rnd.nextInt(4) != 0) {
                body[i] = (byte) rnd.nextInt(3);
            }
        }
    }

    private static List<byte[]> capturedMessages() throws IOException, URISyntaxException {
        Path dir = Path.of(MessageReaderRandomInputTest.class.getResource("/golden").toURI());
        List<byte[]> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".hex")).sorted().forEach(p ->
                    all.addAll(WireBytes.golden(p.getFileName().toString().replace(".hex", ""))));
        }
        return all;
    }
}
