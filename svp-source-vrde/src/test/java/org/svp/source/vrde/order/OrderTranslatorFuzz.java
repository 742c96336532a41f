package org.svp.source.vrde.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DisplayMessage;
import org.svp.protocol.message.ScreenResize;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;

/**
 * Seeded fuzzing of the order path: 10 000 buffers — random bytes, and valid buffers with bytes
 * flipped or cut — must never throw out of the translator, every buffer that fails to parse must
 * request a REFRESH of its header rectangle, and what the translator emits must draw without error.
 */
class OrderTranslatorFuzz {
    private static final int CASES = 10_000;

    @Test
    void malformedBuffersNeverThrowAndAreRefreshed() {
        Random rnd = new Random(0x5EEDL);
        List<Rect> refreshes = new ArrayList<>();
        OrderTranslator t = new OrderTranslator(refreshes::add);
        t.resized(200, 150);
        OrderRenderer renderer = new OrderRenderer(new Surface(64, 64));
        renderer.apply(new ScreenResize(200, 150));
        int malformed = 0;
        int drawn = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] buf = i % 3 == 0 ? random(rnd) : mutate(valid(rnd), rnd);
            boolean bad = OrderParser.parse(ByteBuffer.wrap(buf)).error() != null;
            int before = refreshes.size();
            List<DisplayMessage> out = new ArrayList<>();
            t.translate(ByteBuffer.wrap(buf), out);
            if (bad) {
                malformed++;
                assertThat(refreshes.size()).as("case %d: refreshes after a malformed buffer", i).isGreaterThan(before);
            }
            for (DisplayMessage m : out) {
                renderer.apply(m); // throws PeerProtocolException for a message the server's mirror would reject
                drawn++;
            }
        }
        System.out.printf("order fuzz: %d buffers, %d malformed, %d messages drawn, %d refreshes%n", CASES, malformed,
                drawn, refreshes.size());
        assertThat(malformed).isGreaterThan(CASES / 4);
        assertThat(drawn).isGreaterThan(CASES / 4);
    }

    private static byte[] random(Random rnd) {
        byte[] b = new byte[rnd.nextInt(120)];
        rnd.nextBytes(b);
        if (b.length >= 12 && rnd.nextBoolean()) { // a plausible code, so the parser goes deeper
            b[8] = (byte) rnd.nextInt(17);
            b[9] = b[10] = b[11] = 0;
        }
        return b;
    }

    /** A valid buffer with one to four random orders (small, on-screen-ish values). */
    private static byte[] valid(Random rnd) {
        ByteBuffer b = ByteBuffer.allocate(4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 0).putShort((short) 200).putShort((short) 150);
        int n = 1 + rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            int code = rnd.nextInt(16);
            b.putInt(code);
            switch (code) {
                case 0 -> dataBits(b, rnd);
                case 1 -> area(b, rnd).putInt(rnd.nextInt());
                case 2 -> area(b, rnd).putInt(rnd.nextInt()).put((byte) rnd.nextInt());
                case 3 -> area(b, rnd).put((byte) rnd.nextInt());
                case 4 -> area(b, rnd).putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                        .put((byte) rnd.nextInt());
                case 5 -> {
                    area(b, rnd).put((byte) rnd.nextInt(8)).put((byte) rnd.nextInt(8)).putInt(rnd.nextInt())
                            .putInt(rnd.nextInt()).put((byte) rnd.nextInt());
                    byte[] p = new byte[8];
                    rnd.nextBytes(p);
                    b.put(p);
                }
                case 6 -> area(b, rnd).putShort((short) rnd.nextInt(8)).putShort((short) rnd.nextInt(8))
                        .put((byte) rnd.nextInt()).put(new byte[16]);
                case 7 -> {
                    b.put(new byte[16]);
                    dataBits(b, rnd);
                }
                case 8 -> b.put(new byte[16]);
                case 9 -> {
                    for (int j = 0; j < 8; j++) {
                        b.putShort((short) rnd.nextInt(220));
                    }
                    b.put((byte) (1 + rnd.nextInt(16))).putInt(rnd.nextInt());
                }
                case 10, 11 -> {
                    int l = rnd.nextInt(200);
                    int top = rnd.nextInt(150);
                    b.putShort((short) l).putShort((short) top).putShort((short) (l + rnd.nextInt(50)))
                            .putShort((short) (top + rnd.nextInt(50)));
                }
                case 12 -> {
                    b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150)).put((byte) (1 + rnd.nextInt(16)))
                            .putInt(rnd.nextInt());
                    int c = rnd.nextInt(17);
                    b.put((byte) c);
                    for (int j = 0; j < 16; j++) {
                        b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150));
                    }
                }
                case 13 -> b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                        .putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                        .put((byte) (1 + rnd.nextInt(16))).put((byte) rnd.nextInt(2)).putInt(rnd.nextInt());
                case 14 -> b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                        .putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                        .put((byte) rnd.nextInt(4)).put((byte) rnd.nextInt(2));
                default -> text(b, rnd);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static ByteBuffer area(ByteBuffer b, Random rnd) {
        return b.putShort((short) (rnd.nextInt(240) - 20)).putShort((short) (rnd.nextInt(180) - 20))
                .putShort((short) rnd.nextInt(80)).putShort((short) rnd.nextInt(80));
    }

    private static void dataBits(ByteBuffer b, Random rnd) {
        int w = rnd.nextInt(12);
        int h = rnd.nextInt(12);
        int cb = 1 + rnd.nextInt(4);
        b.putInt(w * h * cb).putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150)).putShort((short) w)
                .putShort((short) h).put((byte) cb);
        byte[] px = new byte[w * h * cb];
        rnd.nextBytes(px);
        b.put(px);
    }

    private static void text(ByteBuffer b, Random rnd) {
        int start = b.position();
        b.putInt(0);
        b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150)).putShort((short) rnd.nextInt(60))
                .putShort((short) rnd.nextInt(20));
        b.putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150)).putShort((short) rnd.nextInt(60))
                .putShort((short) rnd.nextInt(20));
        int glyphs = rnd.nextInt(4);
        b.putShort((short) 64).put((byte) glyphs).put((byte) 0).putShort((short) 0).putInt(rnd.nextInt()).putInt(rnd.nextInt());
        for (int g = 0; g < glyphs; g++) {
            int w = rnd.nextInt(10);
            int h = rnd.nextInt(10);
            int padded = (((w + 7) / 8) * h + 3) & ~3;
            b.putInt(24 + padded).putLong(rnd.nextLong()).putShort((short) rnd.nextInt(200)).putShort((short) rnd.nextInt(150))
                    .putShort((short) w).putShort((short) h).putShort((short) rnd.nextInt(4)).putShort((short) -rnd.nextInt(10));
            byte[] bits = new byte[padded];
            rnd.nextBytes(bits);
            b.put(bits);
        }
        b.putInt(start, b.position() - start);
    }

    private static byte[] mutate(byte[] b, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> {
                return java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            case 1 -> {
                for (int k = 0; k < 1 + rnd.nextInt(4) && b.length > 0; k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                if (b.length > 0) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt();
                }
                return b;
            }
            default -> {
                return b; // unchanged: must parse cleanly
            }
        }
    }
}
