package org.svp.source.vnc.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.svp.protocol.error.UpstreamException;
import org.svp.source.vnc.rfb.NeedMore;
import org.svp.source.vnc.rfb.RfbIn;

/** The hand-shake against scripted servers of each version, with None, VNC authentication and refusals. */
class RfbHandshakeTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteBuf in = Unpooled.buffer();

    /** Feeds the server's bytes and runs steps until the hand-shake waits for more. */
    private ServerInit server(RfbHandshake h, byte[] bytes) {
        in.writeBytes(bytes);
        RfbIn r = new RfbIn(in);
        while (in.isReadable()) {
            int mark = r.mark();
            try {
                ServerInit init = h.step(r, sent::writeBytes);
                if (init != null) {
                    return init;
                }
            } catch (NeedMore e) {
                r.rewind(mark);
                return null;
            }
        }
        return null;
    }

    private static byte[] serverInit(int w, int h, String name) {
        ByteBuf b = Unpooled.buffer().writeShort(w).writeShort(h).writeBytes(new byte[16]).writeInt(name.length())
                .writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        return java.util.Arrays.copyOf(b.array(), b.writerIndex());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void version38WithNone() {
        RfbHandshake h = new RfbHandshake(null);
        assertThat(server(h, ascii("RFB 003.008\n"))).isNull();
        assertThat(server(h, new byte[] {2, 2, 1})).isNull(); // VNC auth and None offered: None chosen
        assertThat(server(h, new byte[] {0, 0, 0, 0})).isNull(); // SecurityResult ok
        ServerInit init = server(h, serverInit(640, 480, "desk"));
        assertThat(init).isEqualTo(new ServerInit(640, 480, "desk", "3.8"));
        assertThat(sent.toByteArray()).isEqualTo(concat(ascii("RFB 003.008\n"), new byte[] {1, 1}));
    }

    @Test
    void version37WithNoneHasNoSecurityResultAnd33IsChosenByTheServer() {
        RfbHandshake h37 = new RfbHandshake(null);
        server(h37, ascii("RFB 003.007\n"));
        server(h37, new byte[] {1, 1});
        assertThat(server(h37, serverInit(8, 8, "a"))).isEqualTo(new ServerInit(8, 8, "a", "3.7"));

        RfbHandshake h33 = new RfbHandshake(null);
        sent.reset();
        in.clear();
        server(h33, ascii("RFB 003.003\n"));
        server(h33, new byte[] {0, 0, 0, 1});
        assertThat(server(h33, serverInit(8, 8, "b"))).isEqualTo(new ServerInit(8, 8, "b", "3.3"));
        assertThat(sent.toByteArray()).isEqualTo(concat(ascii("RFB 003.003\n"), new byte[] {1}));
    }

    @Test
    void newerServersGet38AndTheirBytesMayArriveOneByOne() {
        RfbHandshake h = new RfbHandshake(null);
        byte[] all = concat(ascii("RFB 003.889\n"), new byte[] {1, 1, 0, 0, 0, 0}, serverInit(10, 20, "mac"));
        ServerInit init = null;
        for (byte b : all) {
            ServerInit i = server(h, new byte[] {b});
            init = i != null ? i : init;
        }
        assertThat(init).isEqualTo(new ServerInit(10, 20, "mac", "3.8"));
    }

    @Test
    void vncAuthenticationEncryptsTheChallengeWithTheMirroredPassword() throws Exception {
        RfbHandshake h = new RfbHandshake("secret-and-more"); // only "secret-a" counts
        server(h, ascii("RFB 003.008\n"));
        server(h, new byte[] {1, 2});
        byte[] challenge = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        sent.reset();
        server(h, challenge);
        byte[] response = sent.toByteArray();
        byte[] key = ascii("secret-a");
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (Integer.reverse(key[i] & 0xFF) >>> 24);
        }
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "DES"));
        assertThat(des.doFinal(response)).isEqualTo(challenge);
        ByteBuf failed = Unpooled.buffer().writeInt(1).writeInt(21).writeBytes(ascii("Authentication failed"));
        assertThatThrownBy(() -> server(h, java.util.Arrays.copyOf(failed.array(), failed.writerIndex())))
                .isInstanceOf(UpstreamException.class).hasMessage("VNC authentication failed: Authentication failed");
        assertThat(h.permanent()).isTrue();
    }

    @Test
    void refusalsAreOneLineErrors() {
        assertThatThrownBy(() -> server(new RfbHandshake(null), ascii("SSH-2.0-Open")))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("not a VNC server: it greeted with 'SSH-2.0-Open', not 'RFB 003.00x'");
        in.clear();
        RfbHandshake h = new RfbHandshake(null);
        server(h, ascii("RFB 003.008\n"));
        assertThatThrownBy(() -> server(h, concat(new byte[] {0, 0, 0, 0, 12}, ascii("Too\nmany!!!!"))))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server refused the connection: Too many!!!!");
        in.clear();
        RfbHandshake tls = new RfbHandshake("pw");
        server(tls, ascii("RFB 003.008\n"));
        assertThatThrownBy(() -> server(tls, new byte[] {2, 18, 19}))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("the VNC server offers security types [18, 19]; this client speaks only None (1) and VNC authentication (2)");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }
}
